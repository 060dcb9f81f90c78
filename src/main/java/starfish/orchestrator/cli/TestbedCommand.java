package starfish.orchestrator.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import starfish.orchestrator.testbed.InstanceTable;
import starfish.orchestrator.testbed.TestbedProvider;
import starfish.orchestrator.providers.TestbedProviders;

@Command(name = "testbed", mixinStandardHelpOptions = true,
        description = "Creates, lists, starts, stops and destroys the testbed's instances.",
        subcommands = {TestbedCommand.Deploy.class, TestbedCommand.Status.class, TestbedCommand.Start.class,
                TestbedCommand.Stop.class, TestbedCommand.Destroy.class})
public final class TestbedCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("error: name a testbed action: deploy, status, start, stop or destroy");
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

    @Command(name = "deploy", mixinStandardHelpOptions = true, description = "Creates instances in each region.")
    static final class Deploy extends Action {
        @Option(names = "--instances", required = true, description = "Instances per region.")
        int instances;

        @Option(names = "--region", description = "Only this region.")
        String region;

        @Override
        String nothingTo() {
            return "deploy";
        }

        @Override
        String apply(TestbedProvider testbed) {
            testbed.deploy(instances, Optional.ofNullable(region));
            return InstanceTable.render(testbed);
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Lists the instances.")
    static final class Status extends Action {
        @Override
        String nothingTo() {
            return "list";
        }

        @Override
        String apply(TestbedProvider testbed) {
            return InstanceTable.render(testbed);
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
    static final class Destroy extends Action {
        @Option(names = "--force", description = "Also remove what others deployed under the same testbed_id "
                + "(every resource tagged with it, whoever created it).")
        boolean force;

        @Override
        String nothingTo() {
            return "destroy";
        }

        @Override
        String apply(TestbedProvider testbed) {
            if (force) {
                testbed.destroyIncludingOtherOwners();
            } else {
                testbed.destroy();
            }
            return "testbed destroyed" + System.lineSeparator();
        }
    }
}
