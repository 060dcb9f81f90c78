package starfish.orchestrator.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.settings.SettingsLoader;
import starfish.orchestrator.settings.SettingsRenderer;
import starfish.protocol.ByzantineStrategy;
import starfish.protocol.Consensus;
import starfish.protocol.ValidatorMetric;

class MeasurementsCollectionTest {
    private static final BenchmarkParameters PARAMETERS = BenchmarkParameters.builder()
            .consensus(Consensus.STARFISH_PULL).committee(4).load(2_000)
            .byzantine(1, ByzantineStrategy.CHAIN_BOMB).duration(Duration.ofSeconds(30)).build();

    private static ValidatorScrape scrape(double t, double sequenced) {
        HistogramSnapshot latency = new HistogramSnapshot(List.of(new HistogramSnapshot.Bucket(0.5, sequenced),
                new HistogramSnapshot.Bucket(Double.POSITIVE_INFINITY, sequenced)), sequenced * 0.3, sequenced);
        return new ValidatorScrape(t, Map.of(ValidatorMetric.SEQUENCED_TRANSACTIONS.exposedName(), sequenced,
                ValidatorMetric.COMMITTED_SEQUENCE_LENGTH.exposedName(), t), Map.of(ValidatorMetric.TRANSACTION_LATENCY.exposedName(), latency));
    }

    @Test
    void savedFileLoadsBackToTheSameSummary(@TempDir Path dir) throws Exception {
        MeasurementsCollection collection = new MeasurementsCollection(PARAMETERS,
                SettingsRenderer.toMap(Settings.defaults()), List.of(0), 512);
        for (int authority = 0; authority < 4; authority++) {
            collection.add(authority, scrape(5, 100));
            collection.add(authority, scrape(10, 2_100));
        }
        collection.setSafety(new SafetyVerdict(Safety.VIOLATED, "validators 1 and 2 diverge at committed index 7"));
        Path file = MeasurementsCollection.fileFor(dir.resolve("results"), "local",
                "20261206-230000-" + PARAMETERS.slug());

        collection.save(file);
        MeasurementsCollection loaded = MeasurementsCollection.load(file);

        assertThat(file.getFileName().toString()).isEqualTo("measurements-20261206-230000-" + PARAMETERS.slug() + ".json");
        assertThat(loaded.parameters(BenchmarkParameters.class)).isEqualTo(PARAMETERS);
        assertThat(loaded.summary()).isEqualTo(collection.summary());
        assertThat(loaded.summary().tps()).isEqualTo(400.0);
        String json = Files.readString(file);
        assertThat(json).contains("\"consensus\" : \"starfish-pull\"").contains("\"safety\" : \"violated\"")
                .contains("\"total_bytes_per_second\"").contains("\"transaction_latency_ms\"")
                .contains("\"transaction_size_bytes\" : 512").contains("\"window\"")
                .contains("\"duration\" : \"30s\"");
        try (var leftovers = Files.list(file.getParent())) {
            assertThat(leftovers).containsExactly(file);
        }
    }

    @Test
    void resultsFileCarriesNoRepositoryToken(@TempDir Path dir) throws Exception {
        Settings settings = new SettingsLoader(Map.<String, String>of()::get).parse(
                "repository: {url: 'https://bob:ghp_TOPSECRET@github.com/o/r.git', commit: v1}\n", "s.yml");
        MeasurementsCollection collection = new MeasurementsCollection(PARAMETERS, SettingsRenderer.toMap(settings),
                List.of(), 512);
        collection.add(1, scrape(5, 10));
        Path file = dir.resolve("m.json");

        collection.save(file);

        assertThat(Files.readString(file)).doesNotContain("ghp_TOPSECRET").contains("https://bob:***@github.com");
    }

    /** A file as runs wrote it before blocks per second, resources and windows: no size, readiness or misses. */
    @Test
    void anOlderFileLoadsWith512ByteTransactionsAndEveryScrapeAnswered(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("measurements-old.json");
        Files.writeString(file, """
                {"parameters": {"consensus": "mysticeti", "committee": 4, "load": 1000, "duration": "20s"},
                 "settings": {}, "byzantine_authorities": [],
                 "scrapes": {"0": [
                   {"elapsed_seconds": 5, "values": {"sequenced_transactions_total": 1000}, "histograms": {}},
                   {"elapsed_seconds": 15, "values": {"sequenced_transactions_total": 11000}, "histograms": {}}]},
                 "fault_events": [], "safety": "ok", "safety_detail": "",
                 "summary": {"tps": 1000, "bps": 512000, "bandwidth_bytes_per_s": 0, "bandwidth_efficiency": 0}}
                """);

        Summary summary = MeasurementsCollection.load(file).summary();

        assertThat(summary.tps()).isEqualTo(1_000.0);
        assertThat(summary.transactionSizeBytes()).isEqualTo(512);
        assertThat(summary.payloadBytesPerSecond()).isEqualTo(512_000.0);
        assertThat(summary.resources().metricsCoverage()).isEqualTo(1.0);
        assertThat(summary.resources().readyAtBoot()).isEqualTo(1.0);
    }
}
