package starfish.node.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.node.LocalCluster;
import starfish.node.config.NodeParameters;
import starfish.orchestrator.measurement.CommittedLog;
import starfish.orchestrator.measurement.Safety;
import starfish.orchestrator.measurement.SafetyCheck;
import starfish.orchestrator.measurement.SafetyVerdict;

/**
 * A validator that starts long after the others, when they may have dropped history it needs, catches up (skipping
 * what it cannot fetch) and commits the same leaders as they do from then on.
 */
class LateJoinIT {

    @TempDir
    Path directory;

    @Test
    void aValidatorStartingBeyondThePeersHistoryCatchesUpWithoutContradictingTheirLogs() throws Exception {
        NodeParameters d = NodeParameters.DEFAULTS;
        NodeParameters noWait = new NodeParameters(d.leaderTimeoutMs(), d.maxBlockTransactions(), d.maxFrameBytes(),
                d.gcDepthRounds(), d.syncRetryMs(), d.maxPendingTransactions(), 0, d.minRoundIntervalMs(),
                d.idleRoundIntervalMs(), d.walSegmentBytes());
        double joinedAt;
        try (LocalCluster cluster = new LocalCluster(4, directory).withParameters(noWait).start(50, 0, 1, 2)) {
            // beyond the peers' gc depth, so that the late validator may not be able to fetch all history
            await().atMost(Duration.ofSeconds(40)).until(() ->
                    cluster.metric(0, "committed_sequence_length") > d.gcDepthRounds() + 20);
            cluster.start(50, 3);
            joinedAt = cluster.metric(0, "committed_sequence_length");

            await().atMost(Duration.ofSeconds(40)).until(() -> cluster.metric(3, "committed_sequence_length") >= 20
                    && cluster.metric(0, "committed_sequence_length") >= joinedAt + 40);
            assertThat(cluster.metric(3, "sequenced_transactions")).isPositive();
        }
        // whether it could fetch all history or skipped some (its log then says `gap` and lists leaders), what it
        // committed after it joined is in its log, and the safety check compares that with the others' logs
        long joinRound = Long.parseLong(cluster(0).get((int) joinedAt - 1).split(" ")[1]);
        assertThat(cluster(3)).as("leaders of rounds after round %d, when the late validator joined", joinRound)
                .filteredOn(line -> !line.equals(SafetyCheck.GAP) && Long.parseLong(line.split(" ")[1]) > joinRound)
                .hasSizeGreaterThanOrEqualTo(10);
        Map<Integer, CommittedLog> logs = new TreeMap<>();
        for (int i = 0; i < 4; i++) {
            logs.put(i, new CommittedLog.Lines(cluster(i)));
        }
        SafetyVerdict verdict = SafetyCheck.check(logs);
        assertThat(verdict.safety()).as(verdict.detail()).isEqualTo(Safety.OK);
    }

    private List<String> cluster(int authority) throws Exception {
        return java.nio.file.Files.readAllLines(directory.resolve("storage-" + authority).resolve("committed.log"));
    }
}
