package starfish.orchestrator.measurement;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything measured in one run: its parameters (any value that Jackson writes), the (redacted) settings, which validators were Byzantine, every
 * validator's scrapes in order, the crash faults applied, and the safety verdict once the committed logs were compared. Saved as JSON, with
 * the summary, after every scrape; loadable again for `summarize`.
 */
public final class MeasurementsCollection {
    private static final ObjectMapper JSON = MeasurementsJson.mapper();

    private final Object parameters;
    private final Map<String, Object> settings;
    private final List<Integer> byzantineAuthorities;
    private final Map<Integer, ValidatorSeries> scrapes = new TreeMap<>();
    private final List<FaultEvent> faultEvents = new ArrayList<>();
    private final Map<Integer, Integer> missedScrapes = new TreeMap<>();
    private final int transactionSizeBytes;
    private double readyAtBoot = 1;
    private SafetyVerdict safety = new SafetyVerdict(Safety.OK, "not checked yet: committed logs are compared after the run");

    /**
     * `renderedSettings` must come from SettingsRenderer, so that no secret reaches the file; `transactionSizeBytes` is
     * the load generator's (its client parameters).
     */
    public MeasurementsCollection(Object parameters, Map<String, Object> renderedSettings,
                                  List<Integer> byzantineAuthorities, int transactionSizeBytes) {
        this.parameters = parameters;
        this.settings = renderedSettings;
        this.byzantineAuthorities = List.copyOf(byzantineAuthorities);
        this.transactionSizeBytes = transactionSizeBytes;
    }

    public synchronized void add(int authority, ValidatorScrape scrape) {
        scrapes.computeIfAbsent(authority, a -> new ValidatorSeries()).add(scrape);
    }

    /** A scrape of `authority` that did not answer (the validator was meant to be up). */
    public synchronized void recordMissedScrape(int authority) {
        missedScrapes.merge(authority, 1, Integer::sum);
    }

    /** How many of the committee's `committee` validators answered the readiness check at boot. */
    public synchronized void setReadyAtBoot(int ready, int committee) {
        readyAtBoot = committee == 0 ? 0 : (double) ready / committee;
    }

    public synchronized void recordFault(FaultEvent event) {
        faultEvents.add(event);
    }

    public synchronized List<FaultEvent> faultEvents() {
        return List.copyOf(faultEvents);
    }

    /**
     * The validators a crash fault had stopped at the end, and those restarted that never answered a scrape since
     * (still booting or recovering): neither is expected to have committed lately.
     */
    private Set<Integer> downAtEnd() {
        Map<Integer, FaultEvent> last = new TreeMap<>();
        faultEvents.forEach(e -> last.put(e.authority(), e));
        Set<Integer> down = new TreeSet<>();
        last.forEach((authority, event) -> {
            boolean scrapedSince = scrapes.containsKey(authority) && scrapes.get(authority).scrapes().stream()
                    .anyMatch(s -> s.elapsedSeconds() > event.elapsedSeconds());
            if (event.kind() == FaultEvent.Kind.CRASHED || !scrapedSince) {
                down.add(authority);
            }
        });
        return down;
    }

    public synchronized void setSafety(SafetyVerdict verdict) {
        safety = verdict;
    }

    public synchronized Summary summary() {
        return SummaryCalculator.of(scrapes, byzantineAuthorities, safety, downAtEnd(),
                new RunFacts(transactionSizeBytes, readyAtBoot, missedScrapes));
    }

    /** The run's parameters as a `type` (the type they were saved as, or one with the same fields). */
    public <T> T parameters(Class<T> type) {
        return JSON.convertValue(parameters, type);
    }

    public List<Integer> byzantineAuthorities() {
        return byzantineAuthorities;
    }

    public synchronized Map<Integer, List<ValidatorScrape>> scrapes() {
        Map<Integer, List<ValidatorScrape>> copy = new TreeMap<>();
        scrapes.forEach((authority, series) -> copy.put(authority, List.copyOf(series.scrapes())));
        return copy;
    }

    /**
     * `results_dir/<commit or "local">/measurements-<run id>.json`: the run id starts with the run's start time, so
     * a rerun with the same parameters keeps the earlier file.
     */
    public static Path fileFor(Path resultsDir, String commit, String runId) {
        return resultsDir.resolve(commit).resolve("measurements-" + runId + ".json");
    }

    /** Writes the file atomically (temporary file, then move), so a reader never sees half of it. */
    public synchronized void save(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, ".measurements-", ".tmp");
            JSON.writeValue(temporary.toFile(), new Document(parameters, settings, byzantineAuthorities,
                    transactionSizeBytes, readyAtBoot, missedScrapes, scrapeLists(), faultEvents, safety.safety(),
                    safety.detail(), summary()));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write measurements to " + file, e);
        }
    }

    private Map<Integer, List<ValidatorScrape>> scrapeLists() {
        Map<Integer, List<ValidatorScrape>> lists = new TreeMap<>();
        scrapes.forEach((authority, series) -> lists.put(authority, series.scrapes()));
        return lists;
    }

    public static MeasurementsCollection load(Path file) {
        Document document;
        try {
            document = JSON.readValue(file.toFile(), Document.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read measurements file " + file + ": " + e.getMessage(), e);
        }
        MeasurementsCollection collection = new MeasurementsCollection(document.parameters(), document.settings(),
                document.byzantineAuthorities(), document.transactionSizeBytes() != null
                        ? document.transactionSizeBytes() : RunFacts.DEFAULT_TRANSACTION_SIZE);
        if (document.readyAtBoot() != null) {
            collection.readyAtBoot = document.readyAtBoot();
        }
        if (document.missedScrapes() != null) {
            collection.missedScrapes.putAll(document.missedScrapes());
        }
        document.scrapes().forEach((authority, list) -> list.forEach(s -> collection.add(authority, s)));
        if (document.faultEvents() != null) {
            document.faultEvents().forEach(collection::recordFault);
        }
        collection.setSafety(new SafetyVerdict(document.safety(), document.safetyDetail()));
        return collection;
    }

    /**
     * The file's shape; `summary` is written for readers and recomputed on load. Files written before the transaction
     * size, readiness and missed scrapes were recorded lack them (null): 512 bytes, all ready, none missed.
     */
    private record Document(
            Object parameters,
            Map<String, Object> settings,
            List<Integer> byzantineAuthorities,
            Integer transactionSizeBytes,
            Double readyAtBoot,
            Map<Integer, Integer> missedScrapes,
            Map<Integer, List<ValidatorScrape>> scrapes,
            List<FaultEvent> faultEvents,
            Safety safety,
            String safetyDetail,
            Summary summary) {
    }
}
