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
 * A validator that starts long after the others, beyond the history they keep, skips what it cannot fetch and
 * commits the same leaders as they do from then on.
 */
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
        List<String> late = cluster(3);
        assertThat(late).as("the late validator skipped the history its peers no longer held").contains(SafetyCheck.GAP);
        List<String> leadersAfterJoining = late.subList(late.indexOf(SafetyCheck.GAP) + 1, late.size());
        assertThat(leadersAfterJoining).as("leaders the late validator committed after it joined")
                .hasSizeGreaterThanOrEqualTo(10);
        List<String> reference = cluster(0);
        for (String leader : leadersAfterJoining.subList(0, 10)) {
            String[] slot = leader.split(" "); // leader ROUND AUTHOR DIGEST
            assertThat(reference).as("validator 0 committed %s", leader).anyMatch(line ->
                    line.split(" ")[1].equals(slot[1]) && line.split(" ")[2].equals(slot[2])
                            && line.split(" ")[3].equals(slot[3]));
        }
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
