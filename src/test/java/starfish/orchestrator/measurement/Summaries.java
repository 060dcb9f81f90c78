package starfish.orchestrator.measurement;

import java.util.List;

/** Summaries for tests of what shows or judges them: the figures those read, the rest empty. */
public final class Summaries {

    private Summaries() {
    }

    /** 512-byte transactions; `efficiencyCommittee` sets the committee's bandwidth to match it. */
    public static Summary of(double tps, LatencyStats transactionLatency, LatencyStats blockLatency,
                             double efficiencyCommittee, Safety safety, String safetyDetail, boolean live,
                             double measuredSeconds) {
        double payload = tps * RunFacts.DEFAULT_TRANSACTION_SIZE;
        Bandwidth bandwidth = new Bandwidth(payload * efficiencyCommittee, Spread.empty(), Spread.empty(),
                efficiencyCommittee);
        return new Summary(tps, 0, payload, RunFacts.DEFAULT_TRANSACTION_SIZE, transactionLatency, blockLatency,
                bandwidth, Resources.empty(), safety, safetyDetail, live, List.of(), measuredSeconds,
                new MeasurementWindow(0.1, 0, measuredSeconds), List.of());
    }
}
