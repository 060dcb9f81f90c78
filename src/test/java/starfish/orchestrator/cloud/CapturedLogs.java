package starfish.orchestrator.cloud;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Captures what slf4j-simple writes (it resolves System.err at each log call) while a test runs. */
public final class CapturedLogs implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    public CapturedLogs() {
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    }

    public String text() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.setErr(original);
        original.print(text());
    }
}
