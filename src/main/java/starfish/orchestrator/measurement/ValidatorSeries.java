package starfish.orchestrator.measurement;

import static starfish.protocol.ValidatorMetric.BENCHMARK_DURATION;
import static starfish.protocol.ValidatorMetric.SEQUENCED_TRANSACTIONS;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One validator's scrapes in the order they were taken, cut into lives where it restarted (its uptime or its
 * counters went down): counters and histograms only compare within one life. The cuts are found as scrapes
 * arrive, so the summary written after every round of scrapes costs as little late in a long run as early.
 */
final class ValidatorSeries {
    private final List<ValidatorScrape> scrapes = new ArrayList<>();
    private final List<Integer> lifeStarts = new ArrayList<>();

    static ValidatorSeries of(List<ValidatorScrape> scrapes) {
        ValidatorSeries series = new ValidatorSeries();
        scrapes.forEach(series::add);
        return series;
    }

    void add(ValidatorScrape scrape) {
        if (scrapes.isEmpty() || restartedBetween(last(), scrape)) {
            lifeStarts.add(scrapes.size());
        }
        scrapes.add(scrape);
    }

    List<ValidatorScrape> scrapes() {
        return Collections.unmodifiableList(scrapes);
    }

    boolean isEmpty() {
        return scrapes.isEmpty();
    }

    int size() {
        return scrapes.size();
    }

    ValidatorScrape get(int index) {
        return scrapes.get(index);
    }

    ValidatorScrape first() {
        return scrapes.get(0);
    }

    ValidatorScrape last() {
        return scrapes.get(scrapes.size() - 1);
    }

    /** Each life's scrapes, oldest life first. */
    List<List<ValidatorScrape>> lives() {
        List<List<ValidatorScrape>> lives = new ArrayList<>(lifeStarts.size());
        for (int i = 0; i < lifeStarts.size(); i++) {
            int end = i + 1 < lifeStarts.size() ? lifeStarts.get(i + 1) : scrapes.size();
            lives.add(scrapes.subList(lifeStarts.get(i), end));
        }
        return lives;
    }

    /** Where the life holding scrape `index` begins. */
    int lifeStartOf(int index) {
        int found = Collections.binarySearch(lifeStarts, index);
        return found >= 0 ? lifeStarts.get(found) : lifeStarts.get(-found - 2);
    }

    /** The first scrape taken at or after `seconds`; the last scrape when none was. */
    int firstAtOrAfter(double seconds) {
        int low = 0;
        int high = scrapes.size() - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (scrapes.get(middle).elapsedSeconds() >= seconds) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** The last scrape taken at or before `seconds`; the first scrape when none was. */
    int lastAtOrBefore(double seconds) {
        int low = 0;
        int high = scrapes.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (scrapes.get(middle).elapsedSeconds() <= seconds) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    private static boolean restartedBetween(ValidatorScrape before, ValidatorScrape after) {
        String uptime = BENCHMARK_DURATION.exposedName();
        String sequenced = SEQUENCED_TRANSACTIONS.exposedName();
        return after.value(uptime) < before.value(uptime) || after.value(sequenced) < before.value(sequenced);
    }
}
