package starfish.orchestrator.measurement;

import static starfish.orchestrator.measurement.MetricNames.BENCHMARK_DURATION;
import static starfish.orchestrator.measurement.MetricNames.SEQUENCED_TRANSACTIONS;

import java.util.ArrayList;
import java.util.List;

/**
 * One validator's scrapes cut where it restarted (its uptime or its counters went down): counters and histograms
 * only compare within one process's life, so rates add up the increase and the time of each segment.
 */
final class Segments {

    private Segments() {
    }

    static List<List<ValidatorScrape>> of(List<ValidatorScrape> series) {
        List<List<ValidatorScrape>> segments = new ArrayList<>();
        List<ValidatorScrape> current = new ArrayList<>();
        for (ValidatorScrape scrape : series) {
            if (!current.isEmpty() && restartedBetween(current.get(current.size() - 1), scrape)) {
                segments.add(current);
                current = new ArrayList<>();
            }
            current.add(scrape);
        }
        if (!current.isEmpty()) {
            segments.add(current);
        }
        return segments;
    }

    static boolean restartedBetween(ValidatorScrape before, ValidatorScrape after) {
        return after.value(BENCHMARK_DURATION) < before.value(BENCHMARK_DURATION)
                || after.value(SEQUENCED_TRANSACTIONS) < before.value(SEQUENCED_TRANSACTIONS);
    }
}
