package starfish.orchestrator.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import starfish.orchestrator.settings.SecretRedaction;
import starfish.orchestrator.settings.SettingsException;

/** Turns a failed command into one clear line on stderr and a non-zero exit code; no stack trace for users. */
final class CliErrors {
    static final int FAILED = 1;
    static final int BAD_SETTINGS = 2;

    private CliErrors() {
    }

    static int run(PrintWriter err, Callable<Integer> command) {
        try {
            return command.call();
        } catch (SettingsException e) {
            err.println("error: " + e.getMessage());
            return BAD_SETTINGS;
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            err.println("error: " + SecretRedaction.redact(message));
            return FAILED;
        }
    }
}
