package starfish.orchestrator.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.measurement.MeasurementsCollection;

@Command(name = "summarize", mixinStandardHelpOptions = true,
        description = "Prints the summary table of a saved measurements file.")
public final class SummarizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--path", required = true, paramLabel = "FILE", description = "A measurements-*.json file.")
    Path path;

    @Override
    public Integer call() {
        return CliErrors.run(spec.commandLine().getErr(), () -> {
            MeasurementsCollection measurements = MeasurementsCollection.load(path);
            BenchmarkParameters parameters = measurements.parameters(BenchmarkParameters.class);
            spec.commandLine().getOut().print(SummaryTable.render(parameters, measurements.summary(), path));
            spec.commandLine().getOut().flush();
            return 0;
        });
    }
}
