package starfish.orchestrator.cli;

import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import starfish.orchestrator.benchmark.RunStop;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While a run without a duration goes on, Ctrl-C (SIGINT) asks it to stop and summarise instead of ending the JVM;
 * a second Ctrl-C exits at once, and the testbed session's shutdown hook still cleans up.
 */
final class InterruptStopsRun implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InterruptStopsRun.class);
    private static final Signal INTERRUPT = new Signal("INT");
    private static final int EXIT_INTERRUPTED = 130;

    private final SignalHandler previous;

    InterruptStopsRun(RunStop stop, PrintWriter out) {
        previous = Signal.handle(INTERRUPT, signal -> {
            if (stop.isRequested()) {
                System.exit(EXIT_INTERRUPTED);
            }
            out.println("stopping: one last scrape, then the summary (Ctrl-C again to abort)");
            out.flush();
            stop.request();
        });
        if (previous == SignalHandler.SIG_IGN) {
            // the JVM keeps SIGINT ignored when it starts so (a background job of a shell without job control)
            LOG.warn("this process ignores SIGINT, so Ctrl-C cannot stop the run; start it in the foreground, or with"
                    + " `env --default-signal=INT java ...`; SIGTERM destroys the testbed without a summary");
        }
        out.println("running until Ctrl-C");
        out.flush();
    }

    @Override
    public void close() {
        Signal.handle(INTERRUPT, previous);
    }
}
