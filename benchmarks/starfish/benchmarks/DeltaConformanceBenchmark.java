package starfish.benchmarks;

import static starfish.protocol.Consensus.CORDIAL_MINERS;
import static starfish.protocol.Consensus.MYSTICETI;
import static starfish.protocol.Consensus.STARFISH;
import static starfish.protocol.Consensus.STARFISH_PULL;

import io.qameta.allure.Allure;
import java.util.Locale;
import java.util.Map;
import starfish.junit.BenchmarkAssertions;
import starfish.junit.BenchmarkResult;
import starfish.junit.BenchmarkTest;
import starfish.junit.GeoBenchmark;
import starfish.junit.Thresholds;
import starfish.orchestrator.measurement.ValidatorFigures;
import starfish.protocol.Consensus;

/**
 * δ-conformance: with every link δ = 100 ms long (one way), each protocol's median transaction latency in units of δ
 * beside the reference's table (mysticeti 4.5δ, starfish 5.5δ, cordial-miners 6δ; starfish-pull as starfish). The
 * figure is attached to each run twice: over δ, and over the measured round time (δ plus this machine's processing
 * per message delay, which a loaded machine adds to every hop). README's conformance section explains the gaps.
 * The thresholds only catch a latency that was not applied (p50 under 3δ) or a protocol several times slower.
 */
@GeoBenchmark(settings = "benchmarks/settings/uniform-latency-100ms.yml")
@Thresholds(minP50Latency = "300ms", maxP50Latency = "2s", minThroughputRatio = 0.9)
class DeltaConformanceBenchmark {
    private static final double DELTA_MS = 100;
    private static final Map<Consensus, Double> REFERENCE_DELTAS = Map.of(MYSTICETI, 4.5, STARFISH, 5.5,
            STARFISH_PULL, 5.5, CORDIAL_MINERS, 6.0);

    @BenchmarkTest(consensus = {MYSTICETI, STARFISH, STARFISH_PULL, CORDIAL_MINERS}, committee = 4, loads = 1_000,
            duration = "20s")
    void latencyInMessageDelays(BenchmarkResult result) {
        double p50 = result.summary().transactionLatencyMs().p50();
        double roundMs = 1_000 / result.summary().validators().stream().map(ValidatorFigures::roundsPerSecond)
                .filter(r -> r != null && r > 0).mapToDouble(Double::doubleValue).average().orElse(1_000 / DELTA_MS);
        double reference = REFERENCE_DELTAS.get(result.parameters().consensus());
        Allure.addAttachment("p50 in message delays", "text/plain", String.format(Locale.ROOT,
                "p50 %.1f ms = %.2fδ (reference %.1fδ, %+.0f%%); a round took %.1f ms: p50 = %.2f rounds%n", p50,
                p50 / DELTA_MS, reference, 100 * (p50 / DELTA_MS / reference - 1), roundMs, p50 / roundMs));
        BenchmarkAssertions.assertThat(result).isSafe().isLive();
    }
}
