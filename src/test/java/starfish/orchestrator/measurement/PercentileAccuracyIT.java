package starfish.orchestrator.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import starfish.node.metrics.JvmMetricsSelection;
import starfish.node.metrics.NodeMetrics;
import starfish.orchestrator.http.HttpExchange;
import starfish.orchestrator.validator.MetricsQuery;
import starfish.protocol.ValidatorMetric;

/**
 * A known latency distribution goes through the whole measuring chain: the validator's metrics (its registry and
 * histogram layout, served by the exporter it runs, over real HTTP), the orchestrator's request, parser, scrape and
 * summary. Every reported percentile must lie within 2% of the exact one (nearest rank over the drawn values).
 */
class PercentileAccuracyIT {
    private static final int OBSERVATIONS = 200_000;
    private static final double[] QUANTILES = {0.25, 0.50, 0.75, 0.90, 0.99};

    /** Seconds, within the layout's range of 1 ms to 60 s. */
    enum Distribution {
        /** A typical commit latency: median 300 ms, a long right tail. */
        LOG_NORMAL(random -> () -> 0.3 * Math.exp(0.6 * random.nextGaussian())),
        /** Spread evenly over the orders of magnitude from 1 ms to 60 s: every part of the layout is used. */
        LOG_UNIFORM(random -> () -> 0.001 * Math.pow(60_000, random.nextDouble())),
        /** Two clusters, as leader and non-leader blocks give: 62 ms and 180 ms, each with a 5% spread. */
        BIMODAL(random -> () -> (random.nextDouble() < 0.7 ? 0.062 : 0.180) * (1 + 0.05 * random.nextGaussian())),
        /** Nearly all at one value: a point mass anywhere inside a bucket. */
        POINT(random -> () -> 0.1234);

        private final Function<Random, DoubleSupplier> sampler;

        Distribution(Function<Random, DoubleSupplier> sampler) {
            this.sampler = sampler;
        }

        double[] draw(long seed) {
            DoubleSupplier next = sampler.apply(new Random(seed));
            double[] values = new double[OBSERVATIONS];
            for (int i = 0; i < values.length; i++) {
                values[i] = Math.min(60, Math.max(0.001, next.getAsDouble()));
            }
            return values;
        }
    }

    @ParameterizedTest
    @EnumSource(Distribution.class)
    void everyPercentileIsWithinTwoPercentOfTheExactOne(Distribution distribution) throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        JvmMetricsSelection.register(registry);
        NodeMetrics metrics = new NodeMetrics(registry, 4);
        double[] latencies = distribution.draw(42);
        try (HTTPServer server = HTTPServer.builder().port(0).registry(registry).buildAndStart()) {
            URI url = URI.create("http://127.0.0.1:" + server.getPort() + "/metrics"
                    + MetricsQuery.of(ValidatorMetric.names()));
            metrics.sequencedTransactions.inc();
            ValidatorScrape before = scrape(url, 0);
            for (double latency : latencies) {
                metrics.transactionLatency.observe(latency);
            }
            metrics.sequencedTransactions.inc(latencies.length);
            ValidatorScrape after = scrape(url, 10);

            LatencyStats reported = SummaryCalculator.summarize(Map.of(0, List.of(before, after)), List.of(),
                    SafetyVerdict.ok()).transactionLatencyMs();

            double[] sorted = latencies.clone();
            Arrays.sort(sorted);
            double[] measured = {reported.p25(), reported.p50(), reported.p75(), reported.p90(), reported.p99()};
            for (int i = 0; i < QUANTILES.length; i++) {
                double exactMs = 1_000 * sorted[(int) Math.ceil(QUANTILES[i] * sorted.length) - 1];
                assertThat(measured[i]).as("p%d of %s", Math.round(QUANTILES[i] * 100), distribution)
                        .isCloseTo(exactMs, within(0.02 * exactMs));
            }
            assertThat(reported.avg()).isCloseTo(1_000 * Arrays.stream(latencies).average().orElseThrow(),
                    within(1e-6));
        }
    }

    private static ValidatorScrape scrape(URI url, double elapsedSeconds) throws IOException {
        HttpExchange.Answer answer = HttpExchange.get(url, Duration.ofSeconds(5));
        assertThat(answer.status()).isEqualTo(200);
        return ValidatorScrape.of(elapsedSeconds, ValidatorScrape.parser().parse(answer.body()));
    }
}
