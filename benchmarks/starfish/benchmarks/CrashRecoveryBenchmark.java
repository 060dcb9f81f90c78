package starfish.benchmarks;

import static starfish.protocol.Consensus.MYSTICETI;

import starfish.junit.BenchmarkAssertions;
import starfish.junit.BenchmarkResult;
import starfish.junit.BenchmarkTest;
import starfish.junit.GeoBenchmark;

/**
 * Crash faults from the settings file: one validator of four is killed (SIGKILL) and restarted every 6 s, with the
 * default history depth. The committee must keep committing, each restarted validator must commit past where it was
 * when it was killed, and its committed sequence must agree with the others'.
 */
@GeoBenchmark(settings = "benchmarks/settings/crash-recovery.yml")
class CrashRecoveryBenchmark {

    @BenchmarkTest(consensus = {MYSTICETI}, committee = 4, loads = 200, duration = "30s")
    void crashAndRecoverOneOfFour(BenchmarkResult result) {
        BenchmarkAssertions.assertThat(result).isSafe().isLive().hasRestartedValidatorsThatCommitAgain();
    }
}
