package starfish.junit;

import starfish.orchestrator.benchmark.BenchmarkListener;
import starfish.orchestrator.benchmark.BenchmarkOutcome;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.monitoring.MonitoringHandle;
import starfish.orchestrator.monitoring.NoMonitoring;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.testbed.HostsNeeded;
import starfish.orchestrator.testbed.TestbedProvider;
import starfish.orchestrator.testbed.TestbedSession;

/**
 * A benchmark class's testbed session and its monitoring. It lives in the class's ExtensionContext store from before
 * the first instance is created, so that JUnit closes it, and destroys what exists, however the class ends.
 */
final class ProvisionedTestbed implements AutoCloseable {
    private final TestbedSession session;
    private final TestbedFactory factory;
    private final BenchmarkRunner runner;
    private MonitoringHandle monitoring = new NoMonitoring();

    ProvisionedTestbed(Settings settings, TestbedProvider provider, TestbedFactory factory, boolean keep) {
        this.session = TestbedSession.open(settings, provider, keep, System.out::println);
        this.factory = factory;
        this.runner = factory.runner(settings, provider);
    }

    Settings settings() {
        return session.settings();
    }

    /** Starts stopped instances, then creates new ones, until `needed` are active; reuses kept ones. */
    void provision(HostsNeeded needed) {
        session.provision(needed);
    }

    /** Once provisioned: monitoring that every run of the class then follows, so its URL stays the same. */
    void startMonitoring() {
        monitoring = factory.monitoring(session.settings(), session.provider());
    }

    /** Runs on the class's testbed, which first grows when this run's committee needs more hosts than it has. */
    BenchmarkOutcome run(BenchmarkParameters parameters, BenchmarkListener listener) {
        session.provisionCommittee(parameters.committee());
        return runner.run(parameters, listener, monitoring);
    }

    @Override
    public void close() {
        try {
            monitoring.close(); // first: its services run on the testbed's hosts
        } finally {
            session.close();
        }
    }
}
