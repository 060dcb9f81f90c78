package starfish.orchestrator.netns;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs the machine's own tools (ip, ssh-keygen, sshd, kill) in the root namespace and reports failures. */
final class HostCommands {

    private HostCommands() {
    }

    record Result(int exitCode, String stdout, String stderr) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** Runs `argv`; a non-zero exit throws NetnsException naming the command and its stderr. */
    static String run(String... argv) {
        Result result = attempt(argv);
        if (!result.succeeded()) {
            throw new NetnsException("`" + String.join(" ", argv) + "` failed with exit code " + result.exitCode()
                    + ": " + result.stderr().strip());
        }
        return result.stdout();
    }

    /** Runs `argv` and returns how it ended, for commands whose failure is an answer (does X exist?). */
    static Result attempt(String... argv) {
        try {
            Process process = new ProcessBuilder(List.of(argv))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            String stdout = read(process.getInputStream());
            int exit = process.waitFor();
            return new Result(exit, stdout, stderr.join());
        } catch (IOException e) {
            throw new NetnsException("cannot run `" + String.join(" ", argv) + "`: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetnsException("interrupted while running `" + String.join(" ", argv) + "`", e);
        }
    }

    private static String read(InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
