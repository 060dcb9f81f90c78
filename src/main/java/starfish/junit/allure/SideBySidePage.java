package starfish.junit.allure;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.TestResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import starfish.orchestrator.report.Html;
import starfish.orchestrator.report.ProtocolCurves;
import starfish.orchestrator.report.RunRow;
import starfish.orchestrator.report.RunTable;

/**
 * A page of its own beside a benchmark class's tests: every run of the class side by side and, when the class
 * sweeps loads, its latency-throughput graph with a line per protocol. Always "passed": the runs' own tests carry
 * their verdicts, which the table repeats.
 */
public final class SideBySidePage {
    public static final String NAME = "All runs side by side";

    private SideBySidePage() {
    }

    /** `placement`: the suite labels of the class's tests, so that the page sits among them. */
    public static void write(String className, List<Label> placement, List<RunRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        AllureLifecycle lifecycle = Allure.getLifecycle();
        String uuid = UUID.randomUUID().toString();
        String html = "<div class=\"starfish-side-by-side\">\n<h3>" + Html.escape(className) + ": "
                + rows.size() + " run(s)</h3>\n" + RunTable.html(rows)
                + ProtocolCurves.svg(rows).orElse("") + "</div>\n";
        lifecycle.scheduleTestCase(new TestResult().setUuid(uuid).setName(NAME).setFullName(className + "." + NAME)
                .setHistoryId(UUID.nameUUIDFromBytes((className + "." + NAME).getBytes(StandardCharsets.UTF_8)).toString())
                .setStatus(Status.PASSED).setDescriptionHtml(html).setLabels(new ArrayList<>(placement)));
        lifecycle.startTestCase(uuid);
        lifecycle.stopTestCase(uuid);
        lifecycle.writeTestCase(uuid);
    }
}
