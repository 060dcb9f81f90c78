package starfish.junit.history;

import java.util.Locale;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.testbed.HostTraits;

/**
 * The kind of machine the validators ran on, so that runs on a laptop and on cloud instances never share a
 * baseline: the provider and instance type for clouds, the provider, core count and architecture for testbeds on
 * this machine.
 */
public final class MachineKind {

    private MachineKind() {
    }

    public static String of(Settings settings, HostTraits traits) {
        String provider = settings.testbed().cloudProvider().yamlName();
        if (!traits.shareMemory()) {
            return provider + "-" + settings.testbed().specs();
        }
        return String.format(Locale.ROOT, "%s-%dcpu-%s", provider, Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.arch"));
    }
}
