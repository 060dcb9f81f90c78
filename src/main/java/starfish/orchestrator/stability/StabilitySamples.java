package starfish.orchestrator.stability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import starfish.orchestrator.measurement.FaultEvent;
import starfish.orchestrator.measurement.MeasurementsCollection;
import starfish.orchestrator.measurement.SafetyVerdict;
import starfish.orchestrator.measurement.Summary;
import starfish.orchestrator.measurement.SummaryCalculator;
import starfish.orchestrator.measurement.ValidatorScrape;

/**
 * Cuts a run's measurements into windows of `interval` (a minute for a stability run; the last window takes what is
 * left, so a run of 16.2 s in 4 s windows has four) and summarises each window
 * as the run's summary does the whole: the scrapes inside it plus the last one at or before its start, so that its
 * rates and its latency histograms count only what happened inside.
 */
public final class StabilitySamples {

    private StabilitySamples() {
    }

    public static List<StabilitySample> of(MeasurementsCollection measurements, Duration interval, int committee) {
        Map<Integer, List<ValidatorScrape>> scrapes = measurements.scrapes();
        double step = interval.toNanos() / 1e9;
        double end = scrapes.values().stream().flatMap(List::stream).mapToDouble(ValidatorScrape::elapsedSeconds)
                .max().orElse(0);
        List<FaultEvent> faults = measurements.faultEvents();
        List<StabilitySample> samples = new ArrayList<>();
        // the last scrape lands a little after the last full interval: that remainder joins the last window
        int count = (int) Math.max(1, Math.round(end / step));
        for (int index = 0; index < count; index++) {
            double from = index * step;
            double to = index == count - 1 ? end : from + step;
            Summary window = SummaryCalculator.summarize(slice(scrapes, from, to),
                    measurements.byzantineAuthorities(), SafetyVerdict.ok());
            Set<Integer> down = downDuring(faults, from, to);
            samples.add(new StabilitySample(index, from, to, committee - downAt(faults, to).size(), !down.isEmpty(),
                    window.tps(), window.bps(), window.transactionLatencyMs().p50(),
                    window.transactionLatencyMs().p90(), window.transactionLatencyMs().p99(),
                    window.blockLatencyMs().p50(), window.bandwidth().totalBytesPerSecond(),
                    window.bandwidth().efficiencyCommittee(), window.resources().cpuCores().p50(),
                    window.resources().residentMemoryBytes().p50(), window.resources().storageBytesPerRound().p50()));
        }
        return samples;
    }

    private static Map<Integer, List<ValidatorScrape>> slice(Map<Integer, List<ValidatorScrape>> scrapes, double from,
                                                            double to) {
        Map<Integer, List<ValidatorScrape>> sliced = new LinkedHashMap<>();
        scrapes.forEach((authority, list) -> {
            List<ValidatorScrape> inside = new ArrayList<>();
            ValidatorScrape before = null;
            for (ValidatorScrape scrape : list) {
                if (scrape.elapsedSeconds() <= from) {
                    before = scrape;
                } else if (scrape.elapsedSeconds() <= to) {
                    inside.add(scrape);
                }
            }
            if (before != null && !inside.isEmpty()) {
                inside.add(0, before);
            }
            sliced.put(authority, inside);
        });
        return sliced;
    }

    /** Validators down at some moment in [from, to]. */
    private static Set<Integer> downDuring(List<FaultEvent> faults, double from, double to) {
        Set<Integer> down = new HashSet<>(downAt(faults, from));
        faults.stream().filter(e -> e.kind() == FaultEvent.Kind.CRASHED && e.elapsedSeconds() > from
                && e.elapsedSeconds() <= to).forEach(e -> down.add(e.authority()));
        return down;
    }

    private static Set<Integer> downAt(List<FaultEvent> faults, double at) {
        Set<Integer> down = new HashSet<>();
        faults.stream().filter(e -> e.elapsedSeconds() <= at).forEach(e -> {
            if (e.kind() == FaultEvent.Kind.CRASHED) {
                down.add(e.authority());
            } else {
                down.remove(e.authority());
            }
        });
        return down;
    }
}
