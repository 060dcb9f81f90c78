package starfish.node.dag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A map keyed by block references that drops whole rounds in time proportional to what it drops. Scanning every
 * entry to drop the rounds below a rising floor cost a validator of a hundred ten thousand visits per commit to drop
 * a hundred, in each of its per-block maps. Not thread-safe; values are never null.
 */
public final class RoundMap<V> {

    private final Map<BlockReference, V> entries = new HashMap<>();
    /** Every key put since its round was last dropped (a removed key stays listed until then: removal is rare). */
    private final NavigableMap<Long, List<BlockReference>> keysByRound = new TreeMap<>();

    public V get(BlockReference key) {
        return entries.get(key);
    }

    public boolean containsKey(BlockReference key) {
        return entries.containsKey(key);
    }

    /** Puts the value; returns the one it replaced, or null. */
    public V put(BlockReference key, V value) {
        V old = entries.put(key, value);
        if (old == null) {
            keysByRound.computeIfAbsent(key.round(), round -> new ArrayList<>()).add(key);
        }
        return old;
    }

    public V computeIfAbsent(BlockReference key, Function<BlockReference, V> create) {
        V value = entries.get(key);
        if (value == null) {
            value = create.apply(key);
            put(key, value);
        }
        return value;
    }

    public V remove(BlockReference key) {
        return entries.remove(key);
    }

    /** Drops every entry of a round below `round`. */
    public void removeBelow(long round) {
        NavigableMap<Long, List<BlockReference>> dropped = keysByRound.headMap(round, false);
        dropped.values().forEach(keys -> keys.forEach(entries::remove));
        dropped.clear();
    }

    public void clear() {
        entries.clear();
        keysByRound.clear();
    }

    public int size() {
        return entries.size();
    }

    /** A read-only view of the entries, in no particular order. */
    public Map<BlockReference, V> asMap() {
        return Collections.unmodifiableMap(entries);
    }
}
