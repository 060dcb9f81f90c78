package starfish.node.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import starfish.node.consensus.TestDag;
import starfish.node.dag.Block;

class CatchUpHorizonTest {

    private final TestDag dag = new TestDag(4);
    private final CatchUpHorizon horizon = new CatchUpHorizon(dag.committee, 10);

    @Test
    void theValidityRoundIsTheRoundThatMoreThanAThirdOfTheStakeReached() {
        List<Block> round1 = dag.fullRound(1, dag.genesis);
        round1.forEach(horizon::observe);
        assertThat(horizon.validityRound()).isEqualTo(1);

        Block ahead = dag.block(0, 30, round1.get(0));
        horizon.observe(ahead);
        assertThat(horizon.validityRound()).as("one author of four is not more than a third").isEqualTo(1);

        horizon.observe(dag.block(1, 25, round1.get(1)));
        assertThat(horizon.validityRound()).isEqualTo(25);
        assertThat(horizon.horizon()).isEqualTo(15);
    }

    @Test
    void anOlderBlockDoesNotLowerAnAuthorsRound() {
        horizon.observe(dag.block(0, 20, dag.genesis.get(0)));
        horizon.observe(dag.block(1, 20, dag.genesis.get(1)));
        assertThat(horizon.validityRound()).isEqualTo(20);

        horizon.observe(dag.block(0, 5, dag.genesis.get(0)));

        assertThat(horizon.validityRound()).isEqualTo(20);
    }
}
