package starfish.junit;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import starfish.orchestrator.benchmark.BenchmarkListener;
import starfish.orchestrator.benchmark.BenchmarkOutcome;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.testbed.Instance;
import starfish.orchestrator.testbed.TestbedProvider;

/**
 * A benchmark class's testbed. It lives in the class's ExtensionContext store from before the first instance is
 * created, so that JUnit closes it, and destroys what exists, however the class ends.
 */
final class ProvisionedTestbed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProvisionedTestbed.class);

    private final Settings settings;
    private final TestbedProvider provider;
    private final BenchmarkRunner runner;
    private final boolean keep;

    ProvisionedTestbed(Settings settings, TestbedProvider provider, BenchmarkRunner runner, boolean keep) {
        this.settings = settings;
        this.provider = provider;
        this.runner = runner;
        this.keep = keep;
    }

    Settings settings() {
        return settings;
    }

    /** Creates instances until `needed` are active, spread over the configured regions; reuses kept ones. */
    void provision(int needed) {
        long active = provider.instances().stream().filter(Instance::isActive).count();
        int missing = (int) Math.max(0, needed - active);
        if (missing > 0) {
            int regions = Math.max(1, settings.regions().size());
            int perRegion = (missing + regions - 1) / regions;
            LOG.info("Provisioning {} instance(s) per region on the {} testbed '{}'", perRegion,
                    settings.cloudProvider().yamlName(), settings.testbedId());
            provider.deploy(perRegion, Optional.empty());
        }
    }

    BenchmarkOutcome run(BenchmarkParameters parameters, BenchmarkListener listener) {
        return runner.run(parameters, listener);
    }

    @Override
    public void close() {
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
