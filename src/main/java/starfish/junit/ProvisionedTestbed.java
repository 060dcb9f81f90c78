package starfish.junit;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import starfish.orchestrator.benchmark.BenchmarkListener;
import starfish.orchestrator.benchmark.BenchmarkOutcome;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.benchmark.CommitteeHosts;
import starfish.orchestrator.monitoring.MonitoringHandle;
import starfish.orchestrator.monitoring.NoMonitoring;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.testbed.Instance;
import starfish.orchestrator.testbed.TestbedProvider;

/**
 * A benchmark class's testbed and its monitoring. It lives in the class's ExtensionContext store from before the
 * first instance is created, so that JUnit closes it, and destroys what exists, however the class ends.
 */
final class ProvisionedTestbed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProvisionedTestbed.class);

    private final Settings settings;
    private final TestbedProvider provider;
    private final TestbedFactory factory;
    private final BenchmarkRunner runner;
    private final boolean keep;
    /** Stops what the testbed started on this machine (the local testbed's validators) if the JVM is interrupted. */
    private final Thread interrupted;
    private MonitoringHandle monitoring = new NoMonitoring();

    ProvisionedTestbed(Settings settings, TestbedProvider provider, TestbedFactory factory, boolean keep) {
        this.settings = settings;
        this.provider = provider;
        this.factory = factory;
        this.runner = factory.runner(settings, provider);
        this.keep = keep;
        this.interrupted = new Thread(provider::close, "stop-testbed-processes");
        Runtime.getRuntime().addShutdownHook(interrupted);
    }

    Settings settings() {
        return settings;
    }

    /** Creates instances until `needed` are active, spread over the configured regions; reuses kept ones. */
    void provision(int needed) {
        long active = provider.instances().stream().filter(Instance::isActive).count();
        if (active < needed) {
            int perRegion = CommitteeHosts.deployPerRegion(settings, needed, active);
            LOG.info("Provisioning {} instance(s) per region on the {} testbed '{}'", perRegion,
                    settings.cloudProvider().yamlName(), settings.testbedId());
            provider.deploy(perRegion, Optional.empty());
        }
    }

    /** Once provisioned: monitoring that every run of the class then follows, so its URL stays the same. */
    void startMonitoring() {
        monitoring = factory.monitoring(settings, provider);
    }

    BenchmarkOutcome run(BenchmarkParameters parameters, BenchmarkListener listener) {
        return runner.run(parameters, listener, monitoring);
    }

    @Override
    public void close() {
        try {
            monitoring.close(); // first: its services run on the testbed's hosts
        } finally {
            release();
        }
    }

    private void release() {
        try {
            Runtime.getRuntime().removeShutdownHook(interrupted);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running and closes the same provider
        }
        try {
            if (keep) {
                LOG.info("Keeping the {} testbed '{}' (testbed.keep=true)", settings.cloudProvider().yamlName(),
                        settings.testbedId());
            } else {
                LOG.info("Destroying the {} testbed '{}'", settings.cloudProvider().yamlName(), settings.testbedId());
                provider.destroy();
            }
        } finally {
            provider.close();
        }
    }
}
