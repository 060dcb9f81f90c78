package starfish.orchestrator.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.orchestrator.measurement.Safety;
import starfish.protocol.ByzantineStrategy;
import starfish.protocol.Consensus;
import starfish.simulation.LinkModel;

class ExplorationTest {

    @TempDir
    Path directory;

    private final Exploration exploration = new Exploration(Optional.empty(), Optional.empty(), 1);

    /**
     * Seed 63 found that a restarted starfish-pull validator never committed again: the blocks it recovered from its
     * log reached the DAG but not the data path, so it asked peers for data they had long dropped.
     */
    @Test
    void seed63ARestartedValidatorCommitsAgainWithTheDataItLogged() {
        Exploration.Finding finding = exploration.run(63);

        assertThat(finding.scenario()).contains("starfish-pull n=4").contains("crashes 1@");
        assertThat(finding.failed()).as(finding.problem()).isFalse();
    }

    @Test
    void oneSeedDrawsOneScenarioAndOneVerdict() {
        assertThat(exploration.run(11)).isEqualTo(exploration.run(11));
        assertThat(ExplorationScenario.random(11, Optional.empty(), Optional.empty()))
                .isNotEqualTo(ExplorationScenario.random(12, Optional.empty(), Optional.empty()));
    }

    @Test
    void aCommitteeWithMoreSilentValidatorsThanItToleratesIsFoundNotLive() {
        ExplorationScenario tooMany = new ExplorationScenario(1, Consensus.MYSTICETI, 4,
                Map.of(0, ByzantineStrategy.RANDOM_DROP, 1, ByzantineStrategy.RANDOM_DROP),
                new LinkModel(Optional.of(Duration.ofMillis(50)), 0), List.of(), Duration.ofSeconds(2),
                Duration.ofSeconds(4));

        ExplorationRun.Verdict verdict = ExplorationRun.run(tooMany, directory);

        assertThat(verdict.failed()).isTrue();
        assertThat(verdict.stalled()).containsExactly(2, 3);
        assertThat(verdict.safety().safety()).isEqualTo(Safety.OK);
    }
}
