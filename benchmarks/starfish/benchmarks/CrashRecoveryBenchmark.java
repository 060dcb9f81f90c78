package starfish.benchmarks;

import static starfish.protocol.Consensus.MYSTICETI;

import starfish.junit.BenchmarkAssertions;
import starfish.junit.BenchmarkResult;
import starfish.junit.BenchmarkTest;
import starfish.junit.GeoBenchmark;

/**
 * Crash faults from the settings file: one validator of four is stopped and restarted every 10 s. The committee
 * must keep committing, and the restarted validator's committed sequence must agree with the others'.
 */
@GeoBenchmark(settings = "benchmarks/settings/crash-recovery.yml")
class CrashRecoveryBenchmark {

    @BenchmarkTest(consensus = {MYSTICETI}, committee = 4, loads = 200, duration = "30s")
    void crashAndRecoverOneOfFour(BenchmarkResult result) {
        BenchmarkAssertions.assertThat(result).isSafe().isLive();
    }
}
