package starfish.node.byzantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import starfish.node.LocalCluster;
import starfish.protocol.ByzantineStrategy;
import starfish.protocol.Consensus;

/**
 * Four validators on loopback, validator 0 running each strategy under each protocol: the three honest ones keep committing, agree on
 * their sequences, and show the mark the attack leaves (leader timeouts, equivocations seen in their DAG).
 */
class ByzantineStrategiesIT {

    private static final int HONEST_COMMITS = 15;

    @TempDir
    Path directory;

    static Stream<Arguments> attacks() {
        return Arrays.stream(Consensus.values()).flatMap(consensus -> Arrays.stream(ByzantineStrategy.values())
                .filter(strategy -> strategy != ByzantineStrategy.HONEST)
                .map(strategy -> Arguments.of(consensus, strategy)));
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("attacks")
    void honestValidatorsKeepCommittingTheSameSequence(Consensus consensus, ByzantineStrategy strategy)
            throws Exception {
        try (LocalCluster cluster = new LocalCluster(4, directory).withConsensus(consensus)
                .withBehaviour(0, strategy).start(100, 0, 1, 2, 3)) {
            await().atMost(Duration.ofSeconds(40)).until(() -> honest().allMatch(i ->
                    cluster.metric(i, "committed_sequence_length") >= HONEST_COMMITS
                            && cluster.metric(i, "sequenced_transactions") > 0));
            if (delaysOrHidesLeaders(strategy)) {
                assertThat(honest().mapToDouble(i -> cluster.metric(i, "leader_timeout")).sum())
                        .as("honest leader timeouts").isPositive();
            }
            if (equivocates(strategy)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> honest().anyMatch(i ->
                        cluster.metric(i, "equivocating_blocks", "authority", "0") > 0));
            }
            assertThat(honest().mapToDouble(i -> cluster.metric(i, "equivocating_blocks", "authority", "1")
                    + cluster.metric(i, "equivocating_blocks", "authority", "2")
                    + cluster.metric(i, "equivocating_blocks", "authority", "3")).sum())
                    .as("equivocations by honest validators").isZero();
        }
        List<String> reference = committedLog(1);
        for (int i = 2; i < 4; i++) {
            List<String> log = committedLog(i);
            int common = Math.min(reference.size(), log.size());
            assertThat(common).isGreaterThanOrEqualTo(HONEST_COMMITS);
            assertThat(log.subList(0, common)).as("validator %d's sequence", i)
                    .isEqualTo(reference.subList(0, common));
        }
    }

    private static java.util.stream.IntStream honest() {
        return java.util.stream.IntStream.of(1, 2, 3);
    }

    private static boolean delaysOrHidesLeaders(ByzantineStrategy strategy) {
        // a chain bomb's leader block reaches the next leader at once, and the others fetch it from there; a ramp-up
        // withholder releases almost nothing in its first minute
        return strategy == ByzantineStrategy.TIMEOUT_LEADER || strategy == ByzantineStrategy.LEADER_WITHHOLDING
                || strategy == ByzantineStrategy.RAMP_UP_WITHHOLDING;
    }

    private static boolean equivocates(ByzantineStrategy strategy) {
        return strategy.cliName().startsWith("equivocating");
    }

    private List<String> committedLog(int authority) throws Exception {
        return Files.readAllLines(directory.resolve("storage-" + authority).resolve("committed.log"));
    }
}
