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

    /**
     * Seed 961 (mysticeti n=6, an equivocating validator, links of 232 ms ±43%) stops committing: an honest block
     * naming an equivocation is accepted only after a fetch round trip, beyond the 600 ms leader timeout, so votes
     * and timeouts split. The protocol assumes delays within its timeouts: reported as such, not as a failure.
     * The scenario is pinned as the seed drew it: seeds draw among all strategies, so new strategies change what a
     * seed draws.
     */
    @Test
    void seed961StallsOnlyBecauseItsLinksAreSlowerThanTheLeaderTimeoutAllows() {
        ExplorationScenario seed961 = new ExplorationScenario(961, Consensus.MYSTICETI, 6,
                Map.of(4, ByzantineStrategy.EQUIVOCATING_CHAINS), new LinkModel(Optional.of(Duration.ofMillis(232)), 43),
                List.of(), Duration.ofSeconds(4), Duration.ofSeconds(6));
        Exploration.Finding finding = exploration.run(seed961);

        assertThat(finding.scenario()).contains("mysticeti n=6").contains("4=equivocating-chains");
        assertThat(finding.failed()).isFalse();
        assertThat(finding.stalledAsAllowed()).isTrue();
        assertThat(finding.problem()).contains("not live after settling").contains("600 ms leader timeout");
    }

    /**
     * Seed 902 (mysticeti n=4, a ramp-up-withholding validator, links of 205 ms ±32%) commits nothing in its last
     * settling seconds: the chain released late is fetched a round trip per block. Given 20 settling seconds
     * instead of 6, the same scenario is live again: a late catch-up, reported as allowed, not a lost liveness.
     */
    @Test
    void seed902CatchesUpOnAReleasedChainAfterTheSettlingWindow() {
        Exploration.Finding finding = exploration.run(seed902(Duration.ofSeconds(6)));

        assertThat(finding.failed()).as(finding.problem()).isFalse();
        assertThat(finding.stalledAsAllowed()).isTrue();
        assertThat(finding.problem()).contains("not live after settling").contains("withhold their chain");

        Exploration.Finding longer = exploration.run(seed902(Duration.ofSeconds(20)));
        assertThat(longer.failed()).as(longer.problem()).isFalse();
        assertThat(longer.stalledAsAllowed()).isFalse();
    }

    private static ExplorationScenario seed902(Duration settle) {
        return new ExplorationScenario(902, Consensus.MYSTICETI, 4, Map.of(3, ByzantineStrategy.RAMP_UP_WITHHOLDING),
                new LinkModel(Optional.of(Duration.ofMillis(205)), 32), List.of(), Duration.ofSeconds(4), settle);
    }

    @Test
    void onlyAnEquivocatorOnLinksSlowerThanTheTimeoutAllowsAStall() {
        Duration timeout = Duration.ofMillis(600);
        LinkModel slow = new LinkModel(Optional.of(Duration.ofMillis(180)), 20);
        LinkModel fast = new LinkModel(Optional.of(Duration.ofMillis(150)), 20);

        assertThat(scenario(ByzantineStrategy.EQUIVOCATING_CHAINS, slow).stallAllowedBy(timeout)).get()
                .asString().contains("validators [0] equivocate").contains("3 one-way delays of up to 216 ms = 648 ms");
        assertThat(scenario(ByzantineStrategy.EQUIVOCATING_CHAINS, fast).stallAllowedBy(timeout)).isEmpty();
        assertThat(scenario(ByzantineStrategy.RANDOM_DROP, slow).stallAllowedBy(timeout)).isEmpty();
        // the bomb's released chain is fetched a block per round trip: 1 + 2n delays for n=4
        assertThat(scenario(ByzantineStrategy.EQUIVOCATING_CHAINS_BOMB, fast).stallAllowedBy(timeout)).get()
                .asString().contains("9 one-way delays of up to 180 ms = 1620 ms");
        LinkModel near = new LinkModel(Optional.of(Duration.ofMillis(50)), 0);
        assertThat(scenario(ByzantineStrategy.EQUIVOCATING_CHAINS_BOMB, near).stallAllowedBy(timeout)).isEmpty();
        // a chain withheld for seconds is fetched a block per round trip, however short the links
        assertThat(scenario(ByzantineStrategy.RAMP_UP_WITHHOLDING, near).stallAllowedBy(timeout)).get()
                .asString().contains("validators [0] withhold their chain");
        assertThat(scenario(ByzantineStrategy.CHAIN_BOMB, near).stallAllowedBy(timeout)).isEmpty();
    }

    private static ExplorationScenario scenario(ByzantineStrategy strategy, LinkModel links) {
        return new ExplorationScenario(1, Consensus.MYSTICETI, 4, Map.of(0, strategy), links, List.of(),
                Duration.ofSeconds(2), Duration.ofSeconds(4));
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
        assertThat(verdict.stalledAsAllowed()).isFalse();
        assertThat(verdict.stalled()).containsExactly(2, 3);
        assertThat(verdict.safety().safety()).isEqualTo(Safety.OK);
    }
}
