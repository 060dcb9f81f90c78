package starfish.junit;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import starfish.orchestrator.cloud.OperatorAddress;
import starfish.orchestrator.cloud.SshReadiness;
import starfish.orchestrator.cloud.vultr.VultrTestbed;
import starfish.orchestrator.cloud.vultr.VultrTuning;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.testbed.TestbedProvider;

/**
 * The real Vultr testbed against the API its settings name (a fake one on 127.0.0.1), with instances that count as
 * answering SSH at once; its benchmark runs announce themselves with {@link #RUNNING} and then never end, like a
 * long run that only a signal stops.
 */
public class FakeCloudTestbedFactory implements TestbedFactory {
    static final String RUNNING = "benchmark running on the fake cloud";

    @Override
    public TestbedProvider provider(Settings settings) {
        return new VultrTestbed(settings, () -> new OperatorAddress("198.51.100.7"),
                new VultrTuning(Duration.ofMillis(20), 100, Duration.ofMillis(20), 3, d -> Thread.sleep(d.toMillis())),
                new SshReadiness((runner, instance) -> { }, 1, Duration.ZERO));
    }

    @Override
    public BenchmarkRunner runner(Settings settings, TestbedProvider testbed) {
        return (parameters, listener, monitoring) -> {
            System.out.println(RUNNING);
            System.out.flush();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("the run was interrupted");
        };
    }
}
