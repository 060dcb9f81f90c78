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

    /** Runs `step` as `phase`: this listener hears when it starts and how it ends; a failure is rethrown. */
    default void phase(BenchmarkPhase phase, Runnable step) {
        phaseStarted(phase);
        try {
            step.run();
        } catch (RuntimeException | Error e) {
            phaseFinished(phase, Optional.of(e));
            throw e;
        }
        phaseFinished(phase, Optional.empty());
    }

    /** After each scrape, with the summary so far. */
    default void scraped(Duration elapsed, Summary current) {
    }
}
