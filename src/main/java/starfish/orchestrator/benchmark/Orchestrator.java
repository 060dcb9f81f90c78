package starfish.orchestrator.benchmark;

import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.testbed.TestbedProvider;

/**
 * The one benchmark flow for every testbed: cleanup, install, update, configure (genesis), boot validators, scrape
 * every interval, stop, cleanup. Validator logs are collected into settings.logsDir() even when the run fails.
 */
public final class Orchestrator {
    private final Settings settings;
    private final TestbedProvider testbed;
    private final RunOptions options;
    private final BenchmarkListener listener;

    public Orchestrator(Settings settings, TestbedProvider testbed, RunOptions options, BenchmarkListener listener) {
        this.settings = settings;
        this.testbed = testbed;
        this.options = options;
        this.listener = listener;
    }

    /** Runs one benchmark to the end and returns its outcome; throws when the testbed or the run fails. */
    public BenchmarkOutcome run(BenchmarkParameters parameters) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
