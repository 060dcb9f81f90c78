package starfish.orchestrator.benchmark;

import java.time.Duration;
import java.util.Optional;
import starfish.orchestrator.measurement.Summary;

/** Follows a run's progress: the CLI prints it, the JUnit extension turns phases into Allure steps. */
public interface BenchmarkListener {

    default void phaseStarted(BenchmarkPhase phase) {
    }

    default void phaseFinished(BenchmarkPhase phase, Optional<Throwable> failure) {
    }

    /** After each scrape, with the summary so far. */
    default void scraped(Duration elapsed, Summary current) {
    }
}
