package starfish.node.dag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import starfish.node.TestKeys;
import starfish.node.config.Authority;
import starfish.node.config.Committee;
import starfish.node.crypto.Hasher;
import starfish.node.metrics.ResourceBound;

/** What a BlockManager refuses to keep once an author's allowance is used up, and what it counts. */
class BlockLimitsTest {

    private final Committee committee = committee(4);
    private final List<Block> genesis = BlockSigner.genesis(committee);
    private final BlockStore store = new BlockStore();
    private final Map<ResourceBound, Integer> hits = new EnumMap<>(ResourceBound.class);
    private long clockMs = 1_000;

    BlockLimitsTest() {
        genesis.forEach(store::add);
    }

    @Test
    void equivocationsBeyondTheLimitPerAuthorAndRoundAreDropped() {
        BlockManager manager = new BlockManager(store, 4, limits(2, 100, 100));

        List<Block> accepted = manager.add(List.of(roundOne(1), roundOne(1), roundOne(1), roundOne(2))).accepted();

        assertThat(accepted).extracting(Block::author).containsExactly(1, 1, 2);
        assertThat(hits).containsEntry(ResourceBound.EQUIVOCATIONS_PER_AUTHOR, 1);
    }

    @Test
    void anAuthorsSuspendedBlocksAreCappedWithoutTouchingOtherAuthors() {
        BlockManager manager = new BlockManager(store, 4, limits(4, 2, 100));

        manager.add(List.of(withInventedParents(1, 5, 1), withInventedParents(1, 6, 1),
                withInventedParents(1, 7, 1), withInventedParents(2, 5, 1)));

        assertThat(manager.suspendedCount()).isEqualTo(3);
        assertThat(hits).containsEntry(ResourceBound.SUSPENDED_PER_AUTHOR, 1);
    }

    @Test
    void anAuthorWhoseBlocksNameTooManyUnknownParentsIsRefusedAndOthersAreNot() {
        BlockManager manager = new BlockManager(store, 4, limits(4, 100, 6));

        manager.add(List.of(withInventedParents(1, 5, 4), withInventedParents(1, 6, 4),
                withInventedParents(2, 5, 4)));

        assertThat(manager.missing()).hasSize(8).noneMatch(reference -> reference.round() == 5);
        assertThat(hits).containsEntry(ResourceBound.MISSING_PER_AUTHOR, 1);
    }

    @Test
    void raisingTheFloorFreesTheAllowances() {
        BlockManager manager = new BlockManager(store, 4, limits(4, 1, 100));
        manager.add(List.of(withInventedParents(1, 5, 1)));

        manager.raiseFloor(10);
        manager.add(List.of(withInventedParents(1, 12, 1)));

        assertThat(manager.suspendedCount()).isEqualTo(1);
        assertThat(manager.missing()).allMatch(reference -> reference.round() >= 10);
        assertThat(hits).isEmpty();
    }

    private BlockLimits limits(int equivocations, int suspended, int missing) {
        return new BlockLimits(equivocations, suspended, missing, bound -> hits.merge(bound, 1, Integer::sum));
    }

    private Block roundOne(int author) {
        return new BlockSigner(author, TestKeys.of(author)).sign(1, clockMs++,
                genesis.stream().map(Block::reference).toList(), List.of(), Transactions.EMPTY);
    }

    /** A block naming `count` (1 to 4) parents of the previous round, own first, that nobody will ever send. */
    private Block withInventedParents(int author, long round, int count) {
        List<BlockReference> parents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parents.add(new BlockReference((author + i) % 4, round - 1,
                    Hasher.sha256(("invented " + author + " " + round + " " + i).getBytes(StandardCharsets.UTF_8))));
        }
        return new BlockSigner(author, TestKeys.of(author)).sign(round, clockMs++, parents, List.of(),
                Transactions.EMPTY);
    }

    private static Committee committee(int size) {
        List<Authority> authorities = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            authorities.add(new Authority(i, 1, TestKeys.of(i).publicKey(), "127.0.0.1", 0, 0));
        }
        return new Committee(authorities);
    }
}
