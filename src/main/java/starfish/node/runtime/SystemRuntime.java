package starfish.node.runtime;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import starfish.node.core.ValidatorConfig;
import starfish.node.metrics.NodeMetrics;
import starfish.node.net.InboundFrames;
import starfish.node.net.MimickedLatency;
import starfish.node.net.Network;
import starfish.node.net.Transport;

/** The deployment runtime: the machine's clocks, a thread per executor, unseeded generators, TCP. */
final class SystemRuntime implements NodeRuntime {

    static final SystemRuntime INSTANCE = new SystemRuntime();

    private SystemRuntime() {
    }

    @Override
    public Clock clock() {
        return Clock.SYSTEM;
    }

    @Override
    public TaskExecutor executor(String name) {
        return new ThreadTaskExecutor(name);
    }

    @Override
    public RandomGenerator random() {
        return new SplittableRandom();
    }

    @Override
    public Transport transport(ValidatorConfig config, InboundFrames inbound, NodeMetrics metrics) {
        return new Network(config.committee(), config.authority(), config.signingKey(), config.bindAddress(),
                config.nodeParameters().maxFrameBytes(), MimickedLatency.of(config.mimicExtraLatency()), inbound,
                metrics);
    }
}
