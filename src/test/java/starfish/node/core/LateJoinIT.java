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

/** A validator that starts long after the others (or restarts) catches up and never contradicts their logs. */
class LateJoinIT {

    @TempDir
    Path directory;

    @Test
    void aValidatorStartingBeyondThePeersHistoryCatchesUpWithoutContradictingTheirLogs() throws Exception {
        NodeParameters d = NodeParameters.DEFAULTS;
        NodeParameters noWait = new NodeParameters(d.leaderTimeoutMs(), d.maxBlockTransactions(), d.maxFrameBytes(),
                d.gcDepthRounds(), d.syncRetryMs(), d.maxPendingTransactions(), 0, d.minRoundIntervalMs(),
                d.idleRoundIntervalMs());
        try (LocalCluster cluster = new LocalCluster(4, directory).withParameters(noWait).start(50, 0, 1, 2)) {
            // far beyond the peers' gc depth, so the late validator cannot fetch all history
            await().atMost(Duration.ofSeconds(40)).until(() ->
                    cluster.metric(0, "committed_sequence_length") > d.gcDepthRounds() + 20);
            cluster.start(50, 3);
            double joinedAt = cluster.metric(0, "committed_sequence_length");

            await().atMost(Duration.ofSeconds(40)).until(() -> cluster.metric(3, "committed_sequence_length") >= 20
                    && cluster.metric(0, "committed_sequence_length") >= joinedAt + 20);
            assertThat(cluster.metric(3, "sequenced_transactions")).isPositive();
        }
        List<String> reference = cluster(0);
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
