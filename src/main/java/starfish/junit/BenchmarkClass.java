package starfish.junit;

import io.qameta.allure.model.Label;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import starfish.junit.allure.SideBySidePage;
import starfish.junit.history.RunHistory;
import starfish.junit.history.ScenarioKey;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.report.RunRow;
import starfish.orchestrator.report.RunTable;

/**
 * What a benchmark class's runs share: the commit benchmarked, the run history and the kind of machine. It
 * collects every finished run and, when the class ends (JUnit closes it with the class's store), prints them as one
 * table and writes the report's side-by-side page.
 */
final class BenchmarkClass implements AutoCloseable {
    private final String className;
    private final String commit;
    private final RunHistory history;
    private final String machine;
    private final PrintStream console;
    private final List<RunRow> rows = new ArrayList<>();
    private final List<Label> placement = new ArrayList<>();

    BenchmarkClass(String className, String commit, RunHistory history, String machine, PrintStream console) {
        this.className = className;
        this.commit = commit;
        this.history = history;
        this.machine = machine;
        this.console = console;
    }

    String commit() {
        return commit;
    }

    RunHistory history() {
        return history;
    }

    PrintStream console() {
        return console;
    }

    ScenarioKey key(String scenario, BenchmarkParameters parameters) {
        return new ScenarioKey(scenario, parameters.slug(), machine);
    }

    /** `placement`: where the run's test sits in the report, for the side-by-side page. */
    synchronized void finished(RunRow row, List<Label> runPlacement) {
        rows.add(row);
        if (placement.isEmpty()) {
            placement.addAll(runPlacement);
        }
    }

    @Override
    public synchronized void close() {
        if (rows.isEmpty()) {
            return;
        }
        console.println();
        console.println(className + ": " + rows.size() + " run(s)");
        console.print(RunTable.text(rows));
        console.flush();
        SideBySidePage.write(className, placement, rows);
    }
}
