package starfish.orchestrator.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import starfish.orchestrator.benchmark.BenchmarkFlow;
import starfish.orchestrator.benchmark.BenchmarkOutcome;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.benchmark.RunStop;
import starfish.orchestrator.measurement.Safety;
import starfish.orchestrator.monitoring.Monitoring;
import starfish.orchestrator.monitoring.MonitoringHandle;
import starfish.orchestrator.monitoring.NoMonitoring;
import starfish.orchestrator.providers.TestbedProviders;
import starfish.orchestrator.report.RunRow;
import starfish.orchestrator.report.RunTable;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.testbed.HostsNeeded;
import starfish.orchestrator.testbed.TestbedProvider;
import starfish.orchestrator.testbed.TestbedSession;

/**
 * One testbed session for a command's runs, one after another: the testbed (provisioned for the largest committee),
 * monitoring when asked, and the benchmark flow; each run's summary is printed as it ends.
 */
final class CliBenchmarks implements AutoCloseable {
    private final TestbedSession session;
    private final int spares;
    private final MonitoringHandle monitor;
    private final BenchmarkFlow flow;
    private final PrintWriter out;
    private final List<BenchmarkOutcome> outcomes = new ArrayList<>();

    private CliBenchmarks(TestbedSession session, int spares, MonitoringHandle monitor, BenchmarkFlow flow,
                          PrintWriter out) {
        this.session = session;
        this.spares = spares;
        this.monitor = monitor;
        this.flow = flow;
        this.out = out;
    }

    static CliBenchmarks open(Settings settings, RunFlags flags, int largestCommittee, RunStop stop, PrintWriter out) {
        if (flags.spareInstances < 0) {
            throw new IllegalArgumentException("--spare-instances must not be negative, was " + flags.spareInstances);
        }
        TestbedProvider provider = TestbedProviders.create(settings);
        TestbedSession session = TestbedSession.forCommand(settings, provider, HostsNeeded.forCommittee(
                provider.traits(), settings, largestCommittee, flags.spareInstances), flags.destroyTestbedAfter,
                line -> {
                    out.println(line);
                    out.flush();
                });
        MonitoringHandle monitor = new NoMonitoring();
        try {
            if (flags.monitoring || settings.monitoring().enabled()) {
                monitor = Monitoring.start(settings, session.provider(), flags.useInternalIpAddresses, out::println);
            }
            BenchmarkFlow flow = session.provider().benchmarkFlow(settings, flags.runOptions(), new ProgressPrinter(out))
                    .monitoredBy(monitor).allowUnsafeByzantine(flags.allowUnsafeByzantine).stoppedBy(stop);
            return new CliBenchmarks(session, flags.spareInstances, monitor, flow, out);
        } catch (RuntimeException | Error e) {
            monitor.close();
            session.close();
            throw e;
        }
    }

    /**
     * Runs one benchmark and prints its summary table (and, with log_processing, the validators' log errors). A host
     * lost since the last run (stopped, or a reclaimed spot instance) is replaced first: a spare takes its place and
     * the testbed is topped up again.
     */
    BenchmarkOutcome run(BenchmarkParameters parameters) {
        session.provision(HostsNeeded.forCommittee(session.provider().traits(), session.settings(),
                parameters.committee(), spares));
        BenchmarkOutcome outcome = flow.run(parameters);
        out.println();
        out.print(SummaryTable.render(outcome.parameters(), outcome.summary(), outcome.measurementsFile()));
        out.print(LogErrorReport.render(outcome.logErrors()));
        out.println();
        out.flush();
        outcomes.add(outcome);
        return outcome;
    }

    List<BenchmarkOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Every run so far side by side, one row each. */
    String comparison() {
        return RunTable.text(outcomes.stream().map(o -> new RunRow(o.parameters(), o.summary(),
                verdict(o.summary().safety()))).toList());
    }

    int exitCode() {
        return BenchmarkCommand.exitCode(outcomes.stream().map(o -> o.summary().safety()).toList());
    }

    private static String verdict(Safety safety) {
        return safety == Safety.OK ? "ok" : "exit " + BenchmarkCommand.exitCode(List.of(safety));
    }

    @Override
    public void close() {
        try {
            monitor.close();
        } finally {
            session.close();
        }
    }
}
