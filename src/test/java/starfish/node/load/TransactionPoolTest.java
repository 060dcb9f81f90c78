package starfish.node.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import starfish.node.config.ClientParameters;
import starfish.node.runtime.Clock;
import starfish.node.runtime.NodeRuntime;
import starfish.node.dag.Transactions;

class TransactionPoolTest {

    private final TransactionPool pool = new TransactionPool(1_000);
    private final LoadGenerator generator = new LoadGenerator(pool, 0, ClientParameters.DEFAULTS, () -> true,
            Clock.SYSTEM, NodeRuntime.system().executor("load-generator"), new SplittableRandom());

    @Test
    void blocksTakeWholeTransactionsUpToTheCapAcrossBatches() {
        pool.offer(generator.batch(5, 111), 5);
        pool.offer(generator.batch(7, 222), 7);

        Transactions first = pool.take(8);
        Transactions second = pool.take(8);

        assertThat(first.count()).isEqualTo(8);
        assertThat(first.isWellFormed()).isTrue();
        assertThat(timestamps(first)).containsExactly(111L, 111L, 111L, 111L, 111L, 222L, 222L, 222L);
        assertThat(second.count()).isEqualTo(4);
        assertThat(second.sizeBytes()).isEqualTo(4 * (4 + 512));
        assertThat(pool.pendingCount()).isZero();
        assertThat(pool.take(8).count()).isZero();
    }

    @Test
    void dropsBatchesBeyondItsCapacity() {
        assertThat(pool.offer(generator.batch(900, 1), 900)).isTrue();
        assertThat(pool.offer(generator.batch(200, 1), 200)).isFalse();

        assertThat(pool.pendingCount()).isEqualTo(900);
        assertThat(pool.droppedCount()).isEqualTo(200);
    }

    private static List<Long> timestamps(Transactions transactions) {
        List<Long> result = new ArrayList<>();
        transactions.forEachTimestamp(result::add);
        return result;
    }
}
