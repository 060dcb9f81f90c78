package starfish.orchestrator.measurement;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import starfish.node.metrics.NodeMetrics;

/**
 * The orchestrator's per-scrape work on one validator's /metrics page, as the validator really renders it (its
 * metrics with values, plus the JVM metrics): parsing the text, and reducing it to a ValidatorScrape.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class PrometheusParserBenchmark {

    private final PrometheusTextParser parser = new PrometheusTextParser();
    private String page;
    private PrometheusText parsed;

    @Setup
    public void setUp() throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        NodeMetrics metrics = new NodeMetrics(registry);
        JvmMetrics.builder().register(registry);
        for (int i = 0; i < 10_000; i++) {
            metrics.transactionLatency.observe(0.001 * (i % 500));
            metrics.blockLatency.observe(0.001 * (i % 300));
        }
        metrics.sequencedTransactions.inc(1_234_567);
        metrics.committedLeaders.labelValues("2", "direct-commit").inc(100);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PrometheusTextFormatWriter(false).write(out, registry.scrape());
        page = out.toString(StandardCharsets.UTF_8);
        parsed = parser.parse(page);
    }

    @Benchmark
    public PrometheusText parse() {
        return parser.parse(page);
    }

    @Benchmark
    public ValidatorScrape toScrape() {
        return ValidatorScrape.of(1.0, parsed);
    }
}
