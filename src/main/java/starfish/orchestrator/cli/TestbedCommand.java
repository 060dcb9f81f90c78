package starfish.orchestrator.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.monitoring.CollectedMonitoring;
import starfish.orchestrator.monitoring.Monitoring;
import starfish.orchestrator.monitoring.MonitoringCollector;
import starfish.orchestrator.settings.SecretRedaction;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.testbed.ActiveInstances;
import starfish.orchestrator.testbed.CommitteeHosts;
import starfish.orchestrator.testbed.HostsNeeded;
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

        abstract String apply(TestbedProvider testbed);

        /** What the action acts on ("Nothing to deploy"), said instead of acting on a testbed without instances. */
        abstract String nothingTo();

        @Override
        public Integer call() {
            return CliErrors.run(spec.commandLine().getErr(), () -> {
                try (TestbedProvider testbed = TestbedProviders.create(settings.load())) {
                    String printed = testbed.withoutInstances()
                            .map(why -> "Nothing to " + nothingTo() + ". " + why + System.lineSeparator())
                            .orElseGet(() -> apply(testbed));
                    spec.commandLine().getOut().print(printed);
                    spec.commandLine().getOut().flush();
                    return 0;
                }
            });
        }
    }

    @Command(name = "deploy", mixinStandardHelpOptions = true,
            description = "Creates instances in each region (--instances), or brings the testbed to what a committee"
                    + " needs (--committee, with --spare-instances), starting stopped instances before creating new"
                    + " ones.")
    static final class Deploy extends Action {
        @Option(names = "--instances", description = "Instances per region.")
        Integer instances;

        @Option(names = "--region", description = "With --instances: only this region.")
        String region;

        @Option(names = "--committee", description = "Validators the testbed must hold: the committee, the monitoring"
                + " host and dedicated_clients, in all.")
        Integer committee;

        @Option(names = "--spare-instances", defaultValue = "0", paramLabel = "N", description = "With --committee: N"
                + " active instances more, kept as spares (default: ${DEFAULT-VALUE}).")
        int spareInstances;

        @Override
        String nothingTo() {
            return "deploy";
        }

        @Override
        String apply(TestbedProvider testbed) {
            if ((instances == null) == (committee == null)) {
                throw new IllegalArgumentException("give --instances (per region) or --committee (in all), not "
                        + (instances == null ? "neither" : "both"));
            }
            if (instances != null) {
                if (spareInstances != 0) {
                    throw new IllegalArgumentException("--spare-instances goes with --committee (spares are counted"
                            + " beyond what a committee needs); with --instances, count them in");
                }
                testbed.deploy(instances, Optional.ofNullable(region));
                return InstanceTable.render(testbed);
            }
            if (region != null) {
                throw new IllegalArgumentException("--region goes with --instances; --committee spreads over every"
                        + " region of the settings");
            }
            if (spareInstances < 0) {
                throw new IllegalArgumentException("--spare-instances must not be negative, was " + spareInstances);
            }
            Settings loaded = settings.load();
            ActiveInstances.ensure(testbed, loaded, HostsNeeded.forCommittee(testbed.traits(), loaded, committee,
                    spareInstances), line -> {
                        spec.commandLine().getOut().println(line);
                        spec.commandLine().getOut().flush();
                    });
            return Status.withRoles(testbed, loaded, committee);
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Lists the instances.")
    static final class Status extends Action {
        @Option(names = "--committee", description = "Show what each instance does for a committee of this size:"
                + " monitoring, client, validator i, or spare.")
        Integer committee;

        @Override
        String nothingTo() {
            return "list";
        }

        @Override
        String apply(TestbedProvider testbed) {
            return committee == null ? InstanceTable.render(testbed) : withRoles(testbed, settings.load(), committee);
        }

        /** The table with a ROLE column, and a line that counts the active instances by role. */
        static String withRoles(TestbedProvider testbed, Settings settings, int committee) {
            List<Instance> active = testbed.instances().stream().filter(Instance::isActive).toList();
            Map<String, String> roles = CommitteeHosts.roles(testbed.traits(), settings, active, committee);
            long spares = roles.values().stream().filter("spare"::equals).count();
            int needed = CommitteeHosts.needed(testbed.traits(), settings, committee);
            String summary = active.size() < needed
                    ? active.size() + " active instances, " + (needed - active.size()) + " short of the " + needed
                            + " a committee of " + committee + " needs; a benchmark starts or deploys them"
                    : active.size() + " active instances: committee " + committee + ", " + spares
                            + (spares == 1 ? " spare" : " spares");
            return InstanceTable.render(testbed, roles) + summary + System.lineSeparator();
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Boots stopped instances.")
    static final class Start extends Action {
        @Option(names = "--instances", defaultValue = "" + Integer.MAX_VALUE, description = "Per region (default: all).")
        int instances;

        @Override
        String nothingTo() {
            return "start";
        }

        @Override
        String apply(TestbedProvider testbed) {
            testbed.start(instances);
            return InstanceTable.render(testbed);
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stops the instances without destroying them.")
    static final class Stop extends Action {
        @Override
        String nothingTo() {
            return "stop";
        }

        @Override
        String apply(TestbedProvider testbed) {
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
                    Optional<String> without = testbed.withoutInstances();
                    if (without.isPresent()) {
                        out.println("Nothing to destroy. " + without.get());
                        out.flush();
                        return 0;
                    }
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
        String nothingTo() {
            return "collect";
        }

        @Override
        String apply(TestbedProvider testbed) {
            collect(settings.load(), testbed, spec.commandLine().getOut());
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
