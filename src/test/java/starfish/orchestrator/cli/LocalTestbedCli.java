package starfish.orchestrator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import picocli.CommandLine;
import starfish.Main;

/**
 * The command line, run in this JVM against the local testbed with every file under one directory (hosts, results,
 * logs, the settings file); what the commands print accumulates in `out` and `err`.
 */
final class LocalTestbedCli {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    private final Path settings;

    LocalTestbedCli(Path dir) throws IOException {
        settings = Files.writeString(dir.resolve("s.yml"), "working_dir: " + dir.resolve("hosts") + "\nresults_dir: "
                + dir.resolve("results") + "\nlogs_dir: " + dir.resolve("logs") + "\nscrape_interval: 1s\n");
    }

    /** Runs one command with these settings; returns its exit code and echoes its output to the test's log. */
    int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(Stream.concat(Stream.of(args), Stream.of("--settings-path", settings.toString()))
                .toArray(String[]::new));
        System.out.println(out);
        System.err.println(err);
        return exit;
    }
}
