package starfish.node.load;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import starfish.node.config.ClientParameters;
import starfish.node.runtime.Clock;
import starfish.node.runtime.NodeRuntime;

class LoadGeneratorTest {

    @Test
    void noTransactionIsMadeBeforeTheValidatorProposes() {
        TransactionPool pool = new TransactionPool(1_000_000);
        AtomicBoolean proposing = new AtomicBoolean(false);
        try (LoadGenerator generator = new LoadGenerator(pool, 10_000, ClientParameters.DEFAULTS, proposing::get,
                Clock.SYSTEM, NodeRuntime.system().executor("load-generator"), new SplittableRandom())) {
            generator.start();

            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> pool.pendingCount() == 0);
            proposing.set(true);
            await().atMost(Duration.ofSeconds(5)).until(() -> pool.pendingCount() > 0);
        }
    }
}
