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
                SettingsRenderer.toMap(Settings.defaults()), List.of(0));
        for (int authority = 0; authority < 4; authority++) {
            collection.add(authority, scrape(5, 100));
            collection.add(authority, scrape(10, 2_100));
        }
        collection.setSafety(new SafetyVerdict(Safety.VIOLATED, "validators 1 and 2 diverge at committed index 7"));
        Path file = MeasurementsCollection.fileFor(dir.resolve("results"), "local", PARAMETERS.slug());

        collection.save(file);
        MeasurementsCollection loaded = MeasurementsCollection.load(file);

        assertThat(file.getFileName().toString()).isEqualTo("measurements-" + PARAMETERS.slug() + ".json");
        assertThat(loaded.parameters(BenchmarkParameters.class)).isEqualTo(PARAMETERS);
        assertThat(loaded.summary()).isEqualTo(collection.summary());
        assertThat(loaded.summary().tps()).isEqualTo(400.0);
        String json = Files.readString(file);
        assertThat(json).contains("\"consensus\" : \"starfish-pull\"").contains("\"safety\" : \"violated\"")
                .contains("\"bandwidth_bytes_per_s\"").contains("\"transaction_latency_ms\"")
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
                List.of());
        collection.add(1, scrape(5, 10));
        Path file = dir.resolve("m.json");

        collection.save(file);

        assertThat(Files.readString(file)).doesNotContain("ghp_TOPSECRET").contains("https://bob:***@github.com");
    }
}
