package starfish.node.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.node.LocalCluster;
import starfish.node.config.NodeParameters;

/**
 * Validator 3 of four crashes (the others keep committing without it) and restarts on its storage: it recovers
 * its DAG and its last round from the block log, catches up, continues committed.log consistently with the
 * others, and nobody sees two blocks of one round from it.
 */
class CrashRecoveryIT {

    @TempDir
    Path directory;

    @Test
    void aRestartedValidatorCatchesUpWithoutEquivocating() throws Exception {
        NodeParameters d = NodeParameters.DEFAULTS;
        // history deep enough that the restarted validator can fetch everything it missed while down
        NodeParameters deepHistory = new NodeParameters(d.leaderTimeoutMs(), d.maxBlockTransactions(),
                d.maxFrameBytes(), 2_000, d.syncRetryMs(), d.maxPendingTransactions(), 0, d.minRoundIntervalMs(),
                d.idleRoundIntervalMs(), d.walSegmentBytes());
        try (LocalCluster cluster = new LocalCluster(4, directory).withParameters(deepHistory).start(100, 0, 1, 2, 3)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> cluster.metric(3, "committed_sequence_length") >= 10);
            cluster.stop(3);
            double atCrash = cluster.metric(0, "committed_sequence_length");
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    cluster.metric(0, "committed_sequence_length") >= atCrash + 20
                            && cluster.metric(1, "committed_sequence_length") >= atCrash + 20);

            cluster.start(100, 3);
            double atRestart = cluster.metric(0, "committed_sequence_length");
            await().atMost(Duration.ofSeconds(40)).until(() ->
                    cluster.metric(3, "committed_sequence_length") >= atRestart + 10);

            for (int i = 0; i < 3; i++) {
                assertThat(cluster.metric(i, "equivocating_blocks", "authority", "3"))
                        .as("equivocations of validator 3 seen by %d", i).isZero();
            }
        }
        List<String> reference = cluster(0);
        List<String> restarted = cluster(3);
        assertThat(restarted.size()).as("the restarted validator's log continued past the crash")
                .isGreaterThan(20 + 10);
        for (int i = 1; i < 4; i++) {
            List<String> log = cluster(i);
            int common = Math.min(log.size(), reference.size());
            assertThat(log.subList(0, common)).as("validator %d's log", i).isEqualTo(reference.subList(0, common));
        }
    }

    private List<String> cluster(int authority) throws Exception {
        return java.nio.file.Files.readAllLines(directory.resolve("storage-" + authority).resolve("committed.log"));
    }
}
