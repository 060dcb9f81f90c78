package starfish.orchestrator.cli;

import java.util.List;
import java.util.Locale;
import starfish.orchestrator.benchmark.LogErrorCounts;

/** The `log_processing` lines under a run's summary table: which validators logged errors, and where. */
final class LogErrorReport {

    private LogErrorReport() {
    }

    /** Nothing when the logs were not processed. */
    static String render(List<LogErrorCounts> counts) {
        if (counts.isEmpty()) {
            return "";
        }
        List<LogErrorCounts> failing = counts.stream().filter(LogErrorCounts::any).toList();
        if (failing.isEmpty()) {
            return line("logs", "no ERROR lines or exceptions in " + counts.size() + " validator logs");
        }
        StringBuilder report = new StringBuilder();
        String label = "logs";
        for (LogErrorCounts c : failing) {
            report.append(line(label, "validator " + c.authority() + ": " + c.errorLines() + " ERROR lines, "
                    + c.exceptionLines() + " exception lines in " + c.logFile().toAbsolutePath().normalize()));
            label = "";
        }
        return report.toString();
    }

    private static String line(String label, String value) {
        return String.format(Locale.ROOT, "  %-14s %s%n", label, value);
    }
}
