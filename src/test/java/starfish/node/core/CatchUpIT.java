package starfish.node.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import starfish.node.LocalCluster;
import starfish.node.config.NodeParameters;
import starfish.orchestrator.measurement.CommittedLog;
import starfish.orchestrator.measurement.Safety;
import starfish.orchestrator.measurement.SafetyCheck;
import starfish.orchestrator.measurement.SafetyVerdict;
import starfish.protocol.Consensus;

/**
 * Validator 3 is down while the others commit many times the smallest garbage-collection window, so that they no
 * longer hold the history it missed. Restarted, it catches up from checkpoints and lines its peers agree on: it
 * commits again, its committed.log goes on without a gap in sequence numbers, and it agrees with the others.
 */
class CatchUpIT {

    private static final int GC_DEPTH = 20;
    private static final String LENGTH = "committed_sequence_length";

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(value = Consensus.class, names = {"MYSTICETI", "STARFISH"})
    void aValidatorBehindThePeersHistoryCatchesUpWithoutAGap(Consensus consensus) throws Exception {
        NodeParameters shallow = LocalCluster.withoutStartupWait(GC_DEPTH, NodeParameters.DEFAULTS.walSegmentBytes());
        long atCrash;
        double atRestart;
        try (LocalCluster cluster = new LocalCluster(4, directory).withConsensus(consensus).withParameters(shallow)
                .start(100, 0, 1, 2, 3)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> cluster.metric(3, LENGTH) >= 20);
            cluster.stop(3);
            atCrash = cluster.committedLog(3).size();
            await().atMost(Duration.ofSeconds(90)).until(() ->
                    cluster.metric(0, LENGTH) >= atCrash + 10 * GC_DEPTH
                            && cluster.metric(1, LENGTH) >= atCrash + 10 * GC_DEPTH);

            cluster.start(100, 3);
            atRestart = cluster.metric(0, LENGTH);
            await().atMost(Duration.ofSeconds(60)).until(() -> cluster.metric(3, LENGTH) >= atRestart + 20);
            for (int i = 0; i < 3; i++) {
                assertThat(cluster.metric(i, "equivocating_blocks", "authority", "3"))
                        .as("equivocations of validator 3 seen by %d", i).isZero();
            }
        }
        List<String> restarted = log(3);
        for (int index = 0; index < restarted.size(); index++) {
            assertThat(restarted.get(index)).as("line %d of the restarted validator's log", index)
                    .startsWith(index + " ");
        }
        assertThat(restarted).as("it committed past where the others were at its restart")
                .hasSizeGreaterThan((int) atRestart);
        Map<Integer, CommittedLog> logs = new TreeMap<>();
        for (int i = 0; i < 4; i++) {
            logs.put(i, new CommittedLog.Lines(log(i)));
        }
        SafetyVerdict verdict = SafetyCheck.check(logs);
        assertThat(verdict.safety()).as(verdict.detail()).isEqualTo(Safety.OK);
    }

    private List<String> log(int authority) throws Exception {
        return Files.readAllLines(directory.resolve("storage-" + authority).resolve("committed.log"));
    }
}
