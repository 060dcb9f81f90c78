package starfish.orchestrator.measurement;

import java.util.List;

/**
 * The result of one benchmark, aggregated over honest validators. Saved as the `summary` object of the
 * measurements file with snake_case names; README's table of summary fields gives each definition and where it
 * differs from the reference orchestrator's.
 *
 * @param tps                     sequenced transactions per second, averaged over validators
 * @param bps                     committed blocks per second, averaged over validators (the reference's `bps`)
 * @param payloadBytesPerSecond   sequenced transaction bytes per second: tps x transactionSizeBytes
 * @param transactionSizeBytes    the load generator's transaction size (its client parameters)
 * @param safetyDetail            empty when safe; otherwise which validators diverge and where
 * @param live                    whether every honest validator kept committing until the end
 * @param byzantineAuthorities    the validators that ran a Byzantine strategy (excluded from aggregation)
 * @param measuredSeconds         the longest measurement window of a validator
 * @param window                  the stretch of the run the figures come from
 * @param validators              each honest validator's own figures
 */
public record Summary(
        double tps,
        double bps,
        double payloadBytesPerSecond,
        int transactionSizeBytes,
        LatencyStats transactionLatencyMs,
        LatencyStats blockLatencyMs,
        Bandwidth bandwidth,
        Resources resources,
        Safety safety,
        String safetyDetail,
        boolean live,
        List<Integer> byzantineAuthorities,
        double measuredSeconds,
        MeasurementWindow window,
        List<ValidatorFigures> validators) {
}
