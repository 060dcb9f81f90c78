package starfish.orchestrator.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import starfish.orchestrator.prometheus.MetricSample;
import starfish.orchestrator.prometheus.PrometheusText;
import starfish.orchestrator.prometheus.PrometheusTextParser;

/** Parses text produced by the Prometheus Java client's own writer, the same library the validator uses. */
class PrometheusTextParserTest {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextParser parser = new PrometheusTextParser();

    @BeforeEach
    void registerMetrics() {
        Counter sequenced = Counter.builder().name("sequenced_transactions_total").help("transactions")
                .register(registry);
        sequenced.inc(1234);
        Counter leaders = Counter.builder().name("committed_leaders_total").help("leaders, by \"kind\"\nsecond line")
                .labelNames("authority", "commit_type").register(registry);
        leaders.labelValues("1", "direct-commit").inc(7);
        leaders.labelValues("quote\"back\\slash\nnewline", "direct-skip").inc(2);
        Gauge notANumber = Gauge.builder().name("missing_ratio").help("a gauge without a value").register(registry);
        notANumber.set(Double.NaN);
        Gauge infinite = Gauge.builder().name("round_limit").help("unbounded").register(registry);
        infinite.set(Double.POSITIVE_INFINITY);
        Histogram latency = Histogram.builder().name("transaction_committed_latency").help("seconds")
                .classicOnly().classicUpperBounds(0.1, 0.5, 1.0).register(registry);
        latency.observe(0.05);
        latency.observe(0.3);
        latency.observe(0.4);
        latency.observe(2.0);
    }

    private String exposition() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void readsCountersGaugesAndTypes() throws IOException {
        PrometheusText text = parser.parse(exposition());

        assertThat(text.value("sequenced_transactions_total")).contains(1234.0);
        assertThat(text.types()).containsEntry("sequenced_transactions_total", "counter")
                .containsEntry("transaction_committed_latency", "histogram").containsEntry("missing_ratio", "gauge");
        assertThat(text.value("missing_ratio")).hasValueSatisfying(v -> assertThat(v).isNaN());
        assertThat(text.value("round_limit")).contains(Double.POSITIVE_INFINITY);
    }

    @Test
    void unescapesLabelValues() throws IOException {
        PrometheusText text = parser.parse(exposition());

        assertThat(text.series("committed_leaders_total")).extracting(MetricSample::labels, MetricSample::value)
                .containsExactlyInAnyOrder(
                        tuple(Map.of("authority", "1", "commit_type", "direct-commit"),
                                7.0),
                        tuple(Map.of("authority", "quote\"back\\slash\nnewline",
                                "commit_type", "direct-skip"), 2.0));
    }

    @Test
    void readsClassicHistogramBucketsSumAndCount() throws IOException {
        HistogramSnapshot histogram = HistogramSnapshot.from(parser.parse(exposition()),
                "transaction_committed_latency").orElseThrow();

        assertThat(histogram.buckets()).containsExactly(new HistogramSnapshot.Bucket(0.1, 1),
                new HistogramSnapshot.Bucket(0.5, 3), new HistogramSnapshot.Bucket(1.0, 3),
                new HistogramSnapshot.Bucket(Double.POSITIVE_INFINITY, 4));
        assertThat(histogram.count()).isEqualTo(4);
        assertThat(histogram.sum()).isCloseTo(2.75, within(1e-9));
    }

    @Test
    void aValidatorScrapeAddsUpSeriesOverTheAuthorityLabel() throws IOException {
        Counter.builder().name("leader_timeout_total").help("by leader").labelNames("authority").register(registry)
                .labelValues("3").inc(2);

        ValidatorScrape scrape = ValidatorScrape.of(5.0, ValidatorScrape.parser().parse(exposition()));

        assertThat(scrape.values()).containsEntry("committed_leaders_total{commit_type=\"direct-commit\"}", 7.0)
                .containsEntry("committed_leaders_total{commit_type=\"direct-skip\"}", 2.0)
                .containsEntry("leader_timeout_total", 2.0)
                .doesNotContainKey("committed_leaders_total{authority=\"1\",commit_type=\"direct-commit\"}");
    }

    @Test
    void keepsProtocolMetricsOfAScrape() throws IOException {
        ValidatorScrape scrape = ValidatorScrape.of(5.0, parser.parse(exposition()));

        assertThat(scrape.value("sequenced_transactions_total")).isEqualTo(1234.0);
        assertThat(scrape.values()).containsKey("committed_leaders_total{authority=\"1\",commit_type=\"direct-commit\"}");
        assertThat(scrape.histogram("transaction_committed_latency")).isPresent();
        assertThat(scrape.values()).doesNotContainKey("transaction_committed_latency_bucket");
    }

    @Test
    void readsTimestampsMinusInfinityAndComments() {
        PrometheusText text = parser.parse("""
                # a free comment
                # HELP temperature with a help text
                # TYPE temperature gauge
                temperature{room="a b"} -Inf 1700000000000
                up 1
                """);

        assertThat(text.series("temperature")).singleElement().satisfies(s -> {
            assertThat(s.value()).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(s.timestampMs()).hasValue(1_700_000_000_000L);
            assertThat(s.labels()).containsEntry("room", "a b");
        });
        assertThat(text.value("up")).contains(1.0);
    }

    @Test
    void namesTheLineOfMalformedInput() {
        assertThatThrownBy(() -> parser.parse("up 1\nbroken{label=\"open 1\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
    }

    @Test
    void aFilteringParserSkipsOtherMetricsButStillNamesTheRightLine() {
        PrometheusTextParser protocolOnly = ValidatorScrape.parser();
        String page = """
                # TYPE jvm_threads_current gauge
                jvm_threads_current{state="x"} 12
                # TYPE up gauge
                up 1
                """;

        PrometheusText text = protocolOnly.parse(page);

        assertThat(text.samples()).extracting(MetricSample::name).containsExactly("up");
        assertThat(text.types()).containsOnlyKeys("up");
        assertThatThrownBy(() -> protocolOnly.parse(page + "up{broken 1\n"))
                .hasMessageContaining("metrics line 5");
    }

    @Test
    void theSamplesOfOneMetricShareItsNameAndAMalformedBucketLineIsStillNamed() {
        String page = """
                latency_bucket{le="0.1"} 1
                latency_bucket{le="0.2"} 3
                """;

        PrometheusText text = parser.parse(page);

        assertThat(text.samples().get(1).name()).isEqualTo("latency_bucket").isSameAs(text.samples().get(0).name());
        assertThat(text.samples()).extracting(s -> s.id().upperBound()).containsExactly(0.1, 0.2);
        assertThatThrownBy(() -> parser.parse(page + "latency_bucket{le=\"0.3\" 4\n"))
                .hasMessageContaining("metrics line 3").hasMessageContaining("latency_bucket{le=\"0.3\" 4");
    }

    @Test
    void aScrapeTellsAHistogramsLinesFromAMetricNamedLikeThem() {
        String page = """
                # TYPE latency histogram
                latency_bucket{le="0.1"} 1
                latency_bucket{le="+Inf"} 2
                latency_count 2
                latency_sum 0.3
                # TYPE latency_count_max gauge
                latency_count_max 7
                """;

        ValidatorScrape scrape = ValidatorScrape.of(5.0, ValidatorScrape.parser().parse(page));

        assertThat(scrape.histogram("latency").orElseThrow().count()).isEqualTo(2.0);
        assertThat(scrape.values()).containsExactly(Map.entry("latency_count_max", 7.0));
    }

    @Test
    void aSeriesSeenBeforeReadsTheSameAndSharesItsKey() {
        String page = "# TYPE committed_leaders_total counter\n"
                + "committed_leaders_total{authority=\"1\",commit_type=\"direct-commit\"} 3\n"
                + "committed_leaders_total{ authority=\"2\", commit_type=\"a\\\"b\" } 4\n";

        PrometheusText first = parser.parse(page);
        PrometheusText second = parser.parse(page.replace(" 3\n", " 5\n"));

        assertThat(first.samples()).extracting(MetricSample::series).containsExactly(
                "committed_leaders_total{authority=\"1\",commit_type=\"direct-commit\"}",
                "committed_leaders_total{authority=\"2\",commit_type=\"a\"b\"}");
        assertThat(second.samples()).extracting(MetricSample::value).containsExactly(5.0, 4.0);
        assertThat(second.samples().get(0).id()).isSameAs(first.samples().get(0).id());
        assertThat(second.samples().get(1).labels()).containsEntry("commit_type", "a\"b");
    }

    @Test
    void aLineWhosePrefixWasSeenBeforeIsSplitFromItsEndWithOrWithoutATimestamp() {
        parser.parse("temperature{room=\"a b\"} 1 1700000000000\nup 1\n");

        PrometheusText again = parser.parse("temperature{room=\"a b\"}   2\nup 3 1700000000001");

        assertThat(again.samples()).extracting(MetricSample::series, MetricSample::value, MetricSample::timestampMs)
                .containsExactly(tuple("temperature{room=\"a b\"}", 2.0, OptionalLong.empty()),
                        tuple("up", 3.0, OptionalLong.of(1_700_000_000_001L)));
        assertThatThrownBy(() -> parser.parse("up 1\nup 1 2 3\n")).hasMessageContaining("metrics line 2");
        assertThatThrownBy(() -> parser.parse("up\n")).hasMessageContaining("missing value");
    }

    @Test
    void readsLabelValuesBeyondAsciiFromTheBytesOfThePage() {
        byte[] page = "room_temperature{room=\"caf\u00e9 \u5317\"} 21.5\n".getBytes(StandardCharsets.UTF_8);

        assertThat(parser.parse(page).samples()).singleElement().satisfies(s -> {
            assertThat(s.labels()).containsEntry("room", "caf\u00e9 \u5317");
            assertThat(s.value()).isEqualTo(21.5);
        });
    }
}
