package starfish.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import starfish.node.LocalCluster;
import starfish.node.config.ClientParameters;
import starfish.node.config.NodeParameters;
import starfish.node.metrics.MetricsText;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.measurement.MeasurementsCollection;
import starfish.orchestrator.measurement.ValidatorScrape;
import starfish.protocol.Consensus;

/**
 * The simulation models what the TCP validators do: four validators with mimicked geo-latency (the RTT table,
 * ±3%) commit with a median transaction latency within 20% of each other over TCP and in virtual time. The
 * figures go through the orchestrator's own measurements and summary.
 */
class SimulatedVersusTcpIT {

    private static final int COMMITTEE = 4;
    private static final double LOAD_PER_VALIDATOR = 100;

    @TempDir
    Path directory;

    @Test
    void medianLatencyAgreesWithTcpWithinTwentyPercent() throws IOException {
        double tcp = tcpMedianMs();
        double simulated = simulatedMedianMs();
        LoggerFactory.getLogger(SimulatedVersusTcpIT.class).info("p50 transaction latency: TCP {} ms, simulated {} ms",
                Math.round(tcp), Math.round(simulated));

        assertThat(simulated).isCloseTo(tcp, within(0.2 * tcp));
    }

    private double tcpMedianMs() throws IOException {
        try (LocalCluster cluster = new LocalCluster(COMMITTEE, directory.resolve("tcp")).withMimickedLatency()) {
            cluster.start(LOAD_PER_VALIDATOR, 0, 1, 2, 3);
            awaitSequenced(cluster, 1_000);
            List<String> baseline = texts(i -> MetricsText.of(cluster.registries.get(i)));
            awaitSequenced(cluster, 6_000);
            return medianMs(baseline, texts(i -> MetricsText.of(cluster.registries.get(i))), 15);
        }
    }

    private double simulatedMedianMs() {
        SimulationSpec spec = new SimulationSpec(Consensus.MYSTICETI, COMMITTEE, COMMITTEE * LOAD_PER_VALIDATOR,
                Map.of(), new LinkModel(Optional.empty(), 3), 0, CostModel.ZERO, NodeParameters.DEFAULTS,
                ClientParameters.DEFAULTS, 1);
        try (SimulatedCommittee committee = new SimulatedCommittee(spec, directory.resolve("simulated"))) {
            committee.startAll();
            committee.runUntil(Duration.ofSeconds(5));
            List<String> baseline = texts(committee::metricsText);
            committee.runUntil(Duration.ofSeconds(20));
            return medianMs(baseline, texts(committee::metricsText), 15);
        }
    }

    private static void awaitSequenced(LocalCluster cluster, double transactions) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> cluster.metric(0, "sequenced_transactions") >= transactions);
    }

    private static List<String> texts(IntFunction<String> page) {
        return IntStream.range(0, COMMITTEE).mapToObj(page).toList();
    }

    /** The summary's p50 over the window between two scrapes of every validator. */
    private static double medianMs(List<String> first, List<String> last, double windowSeconds) {
        MeasurementsCollection measurements = new MeasurementsCollection(BenchmarkParameters.builder()
                .consensus(Consensus.MYSTICETI).committee(COMMITTEE).load((int) (COMMITTEE * LOAD_PER_VALIDATOR))
                .mimicExtraLatency(true).duration(Duration.ofSeconds(20)).build(), Map.of(), List.of(), 512);
        for (int i = 0; i < COMMITTEE; i++) {
            measurements.add(i, ValidatorScrape.of(0, ValidatorScrape.parser().parse(first.get(i))));
            measurements.add(i, ValidatorScrape.of(windowSeconds, ValidatorScrape.parser().parse(last.get(i))));
        }
        double p50 = measurements.summary().transactionLatencyMs().p50();
        assertThat(p50).isPositive();
        return p50;
    }
}
