package starfish.node.dag;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * References that blocks name but nobody has sent yet, each charged to the author of the block that first named
 * it: an author whose blocks name too many unknown parents (invented ones, say) uses up its own allowance, never
 * another's.
 */
final class MissingReferences {

    private final Map<BlockReference, Integer> namedBy = new LinkedHashMap<>();
    private final PerAuthorAllowance allowance;

    MissingReferences(int authors, int limitPerAuthor) {
        this.allowance = new PerAuthorAllowance(authors, limitPerAuthor);
    }

    boolean hasRoom(int author, int references) {
        return allowance.hasRoom(author, references);
    }

    boolean contains(BlockReference reference) {
        return namedBy.containsKey(reference);
    }

    /** True when the reference was not missing yet. */
    boolean add(BlockReference reference, int namingAuthor) {
        if (namedBy.putIfAbsent(reference, namingAuthor) != null) {
            return false;
        }
        allowance.add(namingAuthor, 1);
        return true;
    }

    void remove(BlockReference reference) {
        Integer author = namedBy.remove(reference);
        if (author != null) {
            allowance.release(author);
        }
    }

    void removeBelow(long round) {
        namedBy.keySet().removeIf(reference -> reference.round() < round);
        allowance.clear();
        namedBy.values().forEach(author -> allowance.add(author, 1));
    }

    /** A read-only view, oldest first. */
    Set<BlockReference> references() {
        return Collections.unmodifiableSet(namedBy.keySet());
    }

    int size() {
        return namedBy.size();
    }
}
