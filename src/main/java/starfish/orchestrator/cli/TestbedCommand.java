package starfish.orchestrator.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import starfish.orchestrator.testbed.InstanceTable;
import starfish.orchestrator.testbed.TestbedProvider;
import starfish.orchestrator.testbed.TestbedProviders;

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

    /** Loads the settings, opens the provider, runs `action` (which prints to `out`), and closes the provider. */
    private static int withTestbed(CommandSpec spec, SettingsOption settings,
                                   Function<TestbedProvider, String> action) {
        return CliErrors.run(spec.commandLine().getErr(), () -> {
            try (TestbedProvider testbed = TestbedProviders.create(settings.load())) {
                spec.commandLine().getOut().print(action.apply(testbed));
                spec.commandLine().getOut().flush();
                return 0;
            }
        });
    }

    @Command(name = "deploy", mixinStandardHelpOptions = true, description = "Creates instances in each region.")
    static final class Deploy implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        SettingsOption settings;

        @Option(names = "--instances", required = true, description = "Instances per region.")
        int instances;

        @Option(names = "--region", description = "Only this region.")
        String region;

        @Override
        public Integer call() {
            return withTestbed(spec, settings, testbed -> {
                testbed.deploy(instances, Optional.ofNullable(region));
                return InstanceTable.render(testbed);
            });
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Lists the instances.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        SettingsOption settings;

        @Override
        public Integer call() {
            return withTestbed(spec, settings, testbed -> {
                return InstanceTable.render(testbed);
            });
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Boots stopped instances.")
    static final class Start implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        SettingsOption settings;

        @Option(names = "--instances", defaultValue = "" + Integer.MAX_VALUE, description = "Per region (default: all).")
        int instances;

        @Override
        public Integer call() {
            return withTestbed(spec, settings, testbed -> {
                testbed.start(instances);
                return InstanceTable.render(testbed);
            });
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stops the instances without destroying them.")
    static final class Stop implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        SettingsOption settings;

        @Override
        public Integer call() {
            return withTestbed(spec, settings, testbed -> {
                testbed.stop();
                return InstanceTable.render(testbed);
            });
        }
    }

    @Command(name = "destroy", mixinStandardHelpOptions = true, description = "Removes every instance of the testbed.")
    static final class Destroy implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        SettingsOption settings;

        @Override
        public Integer call() {
            return withTestbed(spec, settings, testbed -> {
                testbed.destroy();
                return "testbed destroyed" + System.lineSeparator();
            });
        }
    }
}
