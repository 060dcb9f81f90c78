package starfish.orchestrator.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import starfish.orchestrator.monitoring.CollectedMonitoring;
import starfish.orchestrator.monitoring.Monitoring;
import starfish.orchestrator.monitoring.MonitoringCollector;
import starfish.orchestrator.settings.SecretRedaction;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.testbed.InstanceTable;
import starfish.orchestrator.testbed.TestbedProvider;
import starfish.orchestrator.providers.TestbedProviders;

@Command(name = "testbed", mixinStandardHelpOptions = true,
        description = "Creates, lists, starts, stops and destroys the testbed's instances.",
        subcommands = {TestbedCommand.Deploy.class, TestbedCommand.Status.class, TestbedCommand.Start.class,
                TestbedCommand.Stop.class, TestbedCommand.Destroy.class, TestbedCommand.CollectMonitoring.class})
public final class TestbedCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("error: name a testbed action: deploy, status, start, stop, destroy"
                + " or collect-monitoring");
        return CliErrors.FAILED;
    }

    /** One action on the testbed: loads the settings, opens the provider, prints what the action returns, closes. */
    abstract static class Action implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        SettingsOption settings;

        abstract String apply(Settings settings, TestbedProvider testbed);

        @Override
        public Integer call() {
            return CliErrors.run(spec.commandLine().getErr(), () -> {
                Settings loaded = settings.load();
                try (TestbedProvider testbed = TestbedProviders.create(loaded)) {
                    spec.commandLine().getOut().print(apply(loaded, testbed));
                    spec.commandLine().getOut().flush();
                    return 0;
                }
            });
        }
    }

    @Command(name = "deploy", mixinStandardHelpOptions = true, description = "Creates instances in each region.")
    static final class Deploy extends Action {
        @Option(names = "--instances", required = true, description = "Instances per region.")
        int instances;

        @Option(names = "--region", description = "Only this region.")
        String region;

        @Override
        String apply(Settings settings, TestbedProvider testbed) {
            testbed.deploy(instances, Optional.ofNullable(region));
            return InstanceTable.render(testbed);
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Lists the instances.")
    static final class Status extends Action {
        @Override
        String apply(Settings settings, TestbedProvider testbed) {
            return InstanceTable.render(testbed);
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Boots stopped instances.")
    static final class Start extends Action {
        @Option(names = "--instances", defaultValue = "" + Integer.MAX_VALUE, description = "Per region (default: all).")
        int instances;

        @Override
        String apply(Settings settings, TestbedProvider testbed) {
            testbed.start(instances);
            return InstanceTable.render(testbed);
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stops the instances without destroying them.")
    static final class Stop extends Action {
        @Override
        String apply(Settings settings, TestbedProvider testbed) {
            testbed.stop();
            return InstanceTable.render(testbed);
        }
    }

    @Command(name = "destroy", mixinStandardHelpOptions = true,
            description = "Removes every instance and resource this machine deployed for the testbed.")
    static final class Destroy implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        SettingsOption settings;

        @Option(names = "--force", description = "Also remove what others deployed under the same testbed_id "
                + "(every resource tagged with it, whoever created it).")
        boolean force;

        @Option(names = "--collect-monitoring", description = "First copy the Prometheus data into results_dir, as "
                + "`testbed collect-monitoring` does. The testbed is destroyed even when that fails (its instances "
                + "cost money): the failure is reported and the exit code is 1.")
        boolean collectMonitoring;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return CliErrors.run(err, () -> {
                Settings loaded = settings.load();
                try (TestbedProvider testbed = TestbedProviders.create(loaded)) {
                    boolean collected = !collectMonitoring || collectBeforeDestroying(loaded, testbed, out, err);
                    if (force) {
                        testbed.destroyIncludingOtherOwners();
                    } else {
                        testbed.destroy();
                    }
                    out.println("testbed destroyed");
                    out.flush();
                    return collected ? 0 : CliErrors.FAILED;
                }
            });
        }

        private static boolean collectBeforeDestroying(Settings settings, TestbedProvider testbed, PrintWriter out,
                                                       PrintWriter err) {
            try {
                CollectMonitoring.collect(settings, testbed, out);
                return true;
            } catch (RuntimeException e) {
                err.println("error: the monitoring data was not collected: "
                        + SecretRedaction.redact(String.valueOf(e.getMessage()))
                        + System.lineSeparator() + "Destroying the testbed anyway, as its instances cost money.");
                err.flush();
                return false;
            }
        }
    }

    @Command(name = "collect-monitoring", mixinStandardHelpOptions = true,
            description = "Copies the testbed's Prometheus data (a TSDB snapshot) into "
                    + "results_dir/monitoring/<testbed_id>/<UTC time>/, with a README.md saying how to open it.")
    static final class CollectMonitoring extends Action {
        @Override
        String apply(Settings settings, TestbedProvider testbed) {
            collect(settings, testbed, spec.commandLine().getOut());
            return "";
        }

        static CollectedMonitoring collect(Settings settings, TestbedProvider testbed, PrintWriter out) {
            Consumer<String> console = line -> {
                out.println(line);
                out.flush();
            };
            return Monitoring.collect(settings, testbed,
                    new MonitoringCollector(settings.locations().resultsDir(), Clock.systemUTC(), console));
        }
    }
}
