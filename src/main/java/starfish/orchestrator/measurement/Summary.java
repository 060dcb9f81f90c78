package starfish.orchestrator.measurement;

import java.util.List;

/**
 * The result of one benchmark, aggregated over honest validators. Saved as the `summary` object of the
 * measurements file with snake_case names (tps, bps, transaction_latency_ms, block_latency_ms,
 * bandwidth_bytes_per_s, bandwidth_efficiency, safety, ...).
 *
 * @param tps                     sequenced transactions per second, ramp-up before the first commit excluded
 * @param bps                     sequenced payload bytes per second
 * @param bandwidthEfficiency     bytes sent per second / TPS / 512 (1.0 = each transaction sent once)
 * @param safetyDetail            empty when safe; otherwise which validators diverge and where
 * @param live                    whether every honest validator kept committing until the end
 * @param byzantineAuthorities    the validators that ran a Byzantine strategy (excluded from aggregation)
 * @param measuredSeconds         the time span the rates are computed over
 */
public record Summary(
        double tps,
        double bps,
        LatencyStats transactionLatencyMs,
        LatencyStats blockLatencyMs,
        double bandwidthBytesPerSecond,
        double bandwidthEfficiency,
        Safety safety,
        String safetyDetail,
        boolean live,
        List<Integer> byzantineAuthorities,
        double measuredSeconds) {
}
