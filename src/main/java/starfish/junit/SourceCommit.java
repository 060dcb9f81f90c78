package starfish.junit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import starfish.orchestrator.settings.Repository;
import starfish.orchestrator.settings.Settings;

/** Which commit of the validator is benchmarked: the settings' repository commit, or the local checkout's HEAD. */
final class SourceCommit {
    static final String UNKNOWN = "unknown";

    private SourceCommit() {
    }

    static String of(Settings settings) {
        return settings.locations().repository().map(Repository::commit).orElseGet(SourceCommit::localHead);
    }

    private static String localHead() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            if (!git.waitFor(5, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return UNKNOWN;
            }
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.exitValue() == 0 && !out.isEmpty() ? out : UNKNOWN;
        } catch (IOException e) {
            return UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNKNOWN;
        }
    }
}
