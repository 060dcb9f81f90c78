package starfish.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import starfish.node.dag.Block;
import starfish.node.dag.BlockReference;

class LinearizerTest {

    private final TestDag dag = new TestDag(4);

    @Test
    void outputsEachLeadersNewHistoryOnceInCausalDeterministicOrder() {
        List<Block> round1 = dag.fullRound(1, dag.genesis);
        List<Block> round2 = dag.fullRound(2, round1);
        List<Block> round3 = dag.fullRound(3, round2);
        Block late = dag.block(3, 4, round3.get(3), round3.get(0), round3.get(1));
        List<Block> round4 = List.of(dag.block(0, 4, round3.get(0), round3.get(1), round3.get(2)), late);
        Linearizer linearizer = new Linearizer(dag.store, 50);

        CommittedSubDag first = linearizer.linearize(round2.get(2));
        CommittedSubDag second = linearizer.linearize(round4.get(0));

        // the round-2 leader's history: all of round 1 and itself; genesis is never output
        assertThat(first.blocks()).containsExactly(round1.get(0), round1.get(1), round1.get(2), round1.get(3),
                round2.get(2));
        // the next leader adds only what was not output; `late` is not in its history
        assertThat(second.blocks()).containsExactly(round2.get(0), round2.get(1), round2.get(3), round3.get(0),
                round3.get(1), round3.get(2), round4.get(0));
        List<Block> sequence = new ArrayList<>(first.blocks());
        sequence.addAll(second.blocks());
        assertThat(sequence).doesNotHaveDuplicates().doesNotContain(late);
        Set<BlockReference> seen = new HashSet<>();
        for (Block block : sequence) {
            for (BlockReference parent : block.parents()) {
                if (parent.round() > 0) {
                    assertThat(seen).as("parent %s output before %s", parent, block).contains(parent);
                }
            }
            seen.add(block.reference());
        }
    }

    @Test
    void twoLinearizersOverTheSameDagAgree() {
        List<Block> round1 = dag.fullRound(1, dag.genesis);
        List<Block> round2 = dag.fullRound(2, round1);
        List<Block> round3 = dag.fullRound(3, round2);

        List<Block> a = new Linearizer(dag.store, 50).linearize(round3.get(3)).blocks();
        List<Block> b = new Linearizer(dag.store, 50).linearize(round3.get(3)).blocks();

        assertThat(a).hasSize(9).isEqualTo(b);
        assertThat(a.get(a.size() - 1)).isEqualTo(round3.get(3));
    }

    @Test
    void leavesOutHistoryDeeperThanTheGcDepth() {
        List<Block> round1 = dag.fullRound(1, dag.genesis);
        List<Block> round2 = dag.fullRound(2, round1);
        List<Block> round3 = dag.fullRound(3, round2);

        List<Block> blocks = new Linearizer(dag.store, 1).linearize(round3.get(3)).blocks();

        assertThat(blocks).allSatisfy(b -> assertThat(b.round()).isGreaterThanOrEqualTo(2));
        assertThat(blocks).hasSize(5);
    }
}
