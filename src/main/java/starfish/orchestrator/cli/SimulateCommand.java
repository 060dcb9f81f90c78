package starfish.orchestrator.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import starfish.orchestrator.simulated.Exploration;
import starfish.protocol.Consensus;

/** Explores seeds of random simulated scenarios for safety and liveness bugs, or replays one seed. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Runs short simulated committees with random Byzantine strategies (up to f), crashes,"
                + " restarts and delays, one per seed; checks safety on each and liveness once it settles.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:no seed failed", "1:the command failed", "3:a seed violated safety or liveness"})
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--seeds", defaultValue = "100", description = "How many seeds to explore (default:"
            + " ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--first-seed", defaultValue = "1", description = "The first seed (default: ${DEFAULT-VALUE}).")
    long firstSeed;

    @Option(names = "--seed", description = "Replays this one seed and prints its scenario.")
    Long seed;

    @Option(names = "--committee", description = "Committee size of every seed (default: drawn from 4 to 7).")
    Integer committee;

    @Option(names = "--consensus", converter = CliConverters.ConsensusConverter.class,
            description = "Protocol of every seed (default: drawn per seed).")
    Consensus consensus;

    @Option(names = "--threads", description = "Seeds run at once (default: the number of cores).")
    Integer threads;

    @Override
    public Integer call() {
        // the validators' own logs would drown the findings: only their errors are shown
        System.setProperty("org.slf4j.simpleLogger.log.starfish.node", "error");
        PrintWriter out = spec.commandLine().getOut();
        return CliErrors.run(spec.commandLine().getErr(), () -> {
            Exploration exploration = new Exploration(Optional.ofNullable(committee), Optional.ofNullable(consensus),
                    threads != null ? threads : Runtime.getRuntime().availableProcessors());
            List<Exploration.Finding> findings;
            long started = System.nanoTime();
            if (seed != null) {
                Exploration.Finding finding = exploration.run(seed);
                out.println("seed " + seed + ": " + finding.scenario());
                out.println(finding.problem());
                findings = List.of(finding);
            } else {
                findings = exploration.explore(firstSeed, seeds, line -> {
                    out.println(line);
                    out.flush();
                });
            }
            List<Exploration.Finding> failed = findings.stream().filter(Exploration.Finding::failed).toList();
            out.printf("%d seeds in %.1f s, %d failed, %d stalled as the protocol allows%n", findings.size(),
                    (System.nanoTime() - started) / 1e9, failed.size(),
                    findings.stream().filter(Exploration.Finding::stalledAsAllowed).count());
            failed.forEach(f -> out.println("replay: java -jar target/starfish.jar simulate --seed " + f.seed()
                    + (committee != null ? " --committee " + committee : "")
                    + (consensus != null ? " --consensus " + consensus.cliName() : "")));
            out.flush();
            return failed.isEmpty() ? 0 : BenchmarkCommand.SAFETY_VIOLATED;
        });
    }
}
