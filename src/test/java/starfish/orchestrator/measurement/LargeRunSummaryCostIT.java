package starfish.orchestrator.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.MetricNameFilter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import starfish.node.metrics.NodeMetrics;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.prometheus.PrometheusTextParser;
import starfish.protocol.Consensus;
import starfish.protocol.ValidatorMetric;

/**
 * The orchestrator's CPU cost for a 100-validator, 10-minute run scraped every 5 s (120 scrapes each): parsing
 * every page, reducing it to a scrape, and the summary the orchestrator computes after every round of scrapes. The
 * page is what the validator's own metrics code (NodeMetrics and the JVM metrics, in one registry) serves for the
 * orchestrator's request, which asks for the protocol's metrics by name. One page per round stands for all
 * validators' pages (they differ only in values), rendered outside the timed sections into the UTF-8 bytes the
 * scraper receives over HTTP, so that only the orchestrator's work is counted, as CPU time of this thread. A shorter
 * run goes first, untimed: in a real ten-minute run the JIT has compiled this code within seconds, while on a busy
 * machine its compiler threads starve and a cold measurement counts interpreted code. The whole run is then timed
 * twice: the first counts the page faults of the heap this fresh JVM grows to take ten minutes of garbage in about
 * a second (about 3 ms of kernel CPU per MiB on the development VM), the second the work with the heap grown, as in
 * a real run, whose garbage comes over ten minutes. Both figures are printed
 * (docs/performance.md records them), not asserted: speed is judged by benchmarks, not by tests that fail on a busy
 * machine. The test checks that the summary at this scale is right.
 */
class LargeRunSummaryCostIT {
    private static final int VALIDATORS = 100;
    private static final int SCRAPES = 120;
    private static final int WARM_UP_SCRAPES = 30;
    private static final Predicate<String> REQUESTED = MetricNameFilter.builder()
            .nameMustBeEqualTo(ValidatorMetric.names()).build();

    @Test
    void scrapingAndSummarisingAHundredValidatorsForTenMinutes() throws IOException {
        simulate(WARM_UP_SCRAPES);
        Simulation first = simulate(SCRAPES);
        Simulation run = simulate(SCRAPES);

        System.out.printf("100 validators x 120 scrapes (page of %d bytes): parse + summary %d ms of CPU"
                + " (first run, heap growing: %d ms), load average %.2f%n", run.pageBytes(), run.cpuNanos() / 1_000_000,
                first.cpuNanos() / 1_000_000, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        // 5 s intervals, 10 000 tx per interval: 2000 tx/s from the second scrape on, on every validator
        assertThat(run.summary().tps()).isEqualTo(2_000.0);
        assertThat(run.summary().transactionLatencyMs().p50()).isBetween(50.0, 300.0);
        assertThat(run.summary().live()).isTrue();
    }

    private record Simulation(Summary summary, long cpuNanos, int pageBytes) {
    }

    /** `scrapes` rounds of every validator's page parsed and reduced, each round followed by the summary. */
    private static Simulation simulate(int scrapes) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        PrometheusTextParser parser = ValidatorScrape.parser();
        PrometheusRegistry registry = new PrometheusRegistry();
        JvmMetrics.builder().register(registry);
        NodeMetrics validator = new NodeMetrics(registry, VALIDATORS);
        MeasurementsCollection collection = new MeasurementsCollection(BenchmarkParameters.builder()
                .consensus(Consensus.MYSTICETI).committee(VALIDATORS).load(100_000).duration(Duration.ofMinutes(10))
                .build(), Map.of(), List.of(), 512);
        Random random = new Random(1);
        long cpuNanos = 0;
        Summary summary = null;
        byte[] page = new byte[0];
        for (int scrape = 1; scrape <= scrapes; scrape++) {
            advance(validator, random);
            page = render(registry);
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < VALIDATORS; i++) {
                collection.add(i, ValidatorScrape.of(scrape * 5.0, parser.parse(page)));
            }
            summary = collection.summary();
            cpuNanos += threads.getCurrentThreadCpuTime() - start;
        }
        return new Simulation(summary, cpuNanos, page.length);
    }

    /** One scrape interval of a busy validator: 10 000 transactions committed, latencies around 100-200 ms. */
    private static void advance(NodeMetrics metrics, Random random) {
        metrics.sequencedTransactions.inc(10_000);
        for (int i = 0; i < 200; i++) {
            metrics.transactionLatency.observe(0.1 + 0.1 * random.nextDouble());
            metrics.blockLatency.observe(0.08 + 0.1 * random.nextDouble());
        }
        metrics.committedLeaders.labelValues(Integer.toString(random.nextInt(VALIDATORS)), "direct-commit").inc();
        metrics.bytesSent.inc(50_000_000);
        metrics.committedSequenceLength.inc(50);
    }

    /**
     * What the validator's exporter serves for the orchestrator's request (MetricsQuery): the protocol's metrics
     * only, filtered by name as the exporter does, as the UTF-8 bytes the scraper receives.
     */
    private static byte[] render(PrometheusRegistry registry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PrometheusTextFormatWriter(false).write(out, registry.scrape(REQUESTED));
        return out.toByteArray();
    }
}
