package starfish.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.node.core.Validator;
import starfish.node.dag.BlockLog;
import starfish.node.dag.FileDamage;
import starfish.orchestrator.measurement.CommittedLog;
import starfish.orchestrator.measurement.Safety;
import starfish.orchestrator.measurement.SafetyCheck;
import starfish.orchestrator.measurement.SafetyVerdict;

/**
 * Validator 3 of four validator processes is killed with SIGKILL under load, in whatever it was doing, and
 * restarted on its storage: it never signs two blocks for one round, catches up, and all committed logs agree.
 * With the middle of its write-ahead log damaged instead, it refuses to start and says why.
 */
class KillNineRecoveryIT {
    private static final int LOAD = 1_000;
    private static final String LENGTH = "committed_sequence_length";

    @TempDir
    Path directory;

    @Test
    void aKilledValidatorRestartsWithoutEquivocatingCatchesUpAndAgrees() throws Exception {
        try (ValidatorProcesses committee = new ValidatorProcesses(directory, 4)) {
            killLastAfterTwentyCommits(committee);
            double atKill = committee.metric(0, LENGTH);
            awaitLength(committee, 0, atKill + 20);

            committee.start(3, LOAD);
            double atRestart = committee.metric(0, LENGTH);
            awaitLength(committee, 3, atRestart + 10);

            for (int i = 0; i < 3; i++) {
                assertThat(committee.metric(i, "equivocating_blocks_total{authority=\"3\"}"))
                        .as("equivocations of validator 3 seen by %d", i).isZero();
            }
        }
        SafetyVerdict verdict = SafetyCheck.check(committedLogs());
        assertThat(verdict.safety()).as(verdict.detail()).isEqualTo(Safety.OK);
        assertThat(Files.readAllLines(directory.resolve("storage-3/committed.log")))
                .as("the restarted validator's log continued past the crash").hasSizeGreaterThan(40);
    }

    @Test
    void aValidatorWhoseLogIsDamagedBeforeItsTailRefusesToStart() throws Exception {
        try (ValidatorProcesses committee = new ValidatorProcesses(directory, 4)) {
            killLastAfterTwentyCommits(committee);
            Path wal = BlockLog.segments(committee.storage(3).resolve(Validator.BLOCK_LOG)).get(0);
            FileDamage.flipByte(wal, Files.size(wal) / 2);

            Process restarted = committee.start(3, LOAD);

            assertThat(restarted.waitFor(60, TimeUnit.SECONDS)).as("the damaged validator exits").isTrue();
            assertThat(restarted.exitValue()).isEqualTo(1);
            assertThat(committee.output(3)).contains(wal.toString()).contains("is corrupt at byte")
                    .contains("refusing to start");
            for (int i = 0; i < 3; i++) {
                assertThat(committee.metric(i, "equivocating_blocks_total{authority=\"3\"}")).isZero();
            }
        }
    }

    /** Starts all four under load and kills validator 3 once it has committed 20 leaders, in whatever it does. */
    private static void killLastAfterTwentyCommits(ValidatorProcesses committee) throws Exception {
        for (int i = 0; i < 4; i++) {
            committee.start(i, LOAD);
        }
        awaitLength(committee, 3, 20);
        committee.kill(3);
    }

    private static void awaitLength(ValidatorProcesses committee, int authority, double atLeast) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> committee.metric(authority, LENGTH) >= atLeast);
    }

    private Map<Integer, CommittedLog> committedLogs() {
        return IntStream.range(0, 4).boxed().collect(java.util.stream.Collectors.toMap(i -> i, i -> {
            try {
                return new CommittedLog.Lines(Files.readAllLines(directory.resolve("storage-" + i)
                        .resolve("committed.log")));
            } catch (java.io.IOException e) {
                return new CommittedLog.Unavailable(e.getMessage());
            }
        }));
    }
}
