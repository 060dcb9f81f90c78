package starfish.node.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import starfish.node.consensus.TestDag;
import starfish.node.dag.Block;
import starfish.node.metrics.NodeMetrics;
import starfish.node.metrics.ResourceBound;

class RoundWindowTest {

    @Test
    void blocksMoreThanTheWindowAboveTheReachedRoundAreDroppedAndCounted() {
        TestDag dag = new TestDag(4);
        NodeMetrics metrics = new NodeMetrics(new PrometheusRegistry(), 4);
        RoundWindow window = new RoundWindow(10, metrics);
        Block near = dag.block(1, 15, dag.genesis.get(1));
        Block far = dag.block(2, 16, dag.genesis.get(2));

        assertThat(window.within(List.of(near, far), 5)).containsExactly(near);
        assertThat(window.within(List.of(near, far), 6)).containsExactly(near, far);
        assertThat(metrics.boundHits.labelValues(ResourceBound.ROUND_WINDOW.label()).get()).isEqualTo(1);
    }
}
