package starfish.orchestrator.benchmark;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import starfish.orchestrator.validator.MetricsQuery;
import starfish.orchestrator.validator.Protocol;
import starfish.orchestrator.validator.ValidatorLaunch;
import starfish.orchestrator.host.Instance;
import starfish.protocol.ByzantineStrategy;
import starfish.protocol.ValidatorMetric;

/**
 * The committee of one run: validator i runs on hosts.get(i), with ports from basePort; `uniformLatency`, when set,
 * is the one-way delay every validator adds to every link.
 */
record ValidatorSet(List<Instance> hosts, int basePort, List<Integer> byzantine, Protocol protocol,
                    BenchmarkParameters parameters, Optional<Duration> uniformLatency) {

    int size() {
        return hosts.size();
    }

    Instance host(int authority) {
        return hosts.get(authority);
    }

    /** Asks for the contract's metrics only: the orchestrator drops the JVM's, and they are most of a page. */
    URI metricsUrl(int authority) {
        return URI.create("http://" + host(authority).publicIp() + ":"
                + protocol.metricsPort(authority, size(), basePort) + "/metrics"
                + MetricsQuery.of(ValidatorMetric.names()));
    }

    static String session(int authority) {
        return "node-" + authority;
    }

    static String logFile(int authority) {
        return "node-" + authority + ".log";
    }

    /** Validator i's share of the load: the total split evenly, the remainder to the lowest indices. */
    ValidatorLaunch launch(int authority) {
        int share = parameters.load() / size() + (authority < parameters.load() % size() ? 1 : 0);
        ByzantineStrategy behaviour = byzantine.contains(authority)
                ? parameters.byzantineStrategy() : ByzantineStrategy.HONEST;
        return new ValidatorLaunch(authority, size(), parameters.consensus(), behaviour, share,
                parameters.mimicExtraLatency(), uniformLatency);
    }
}
