package starfish.orchestrator.benchmark;

import java.util.ArrayList;
import java.util.List;
import starfish.orchestrator.monitoring.Monitoring;
import starfish.orchestrator.settings.CloudProvider;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.testbed.Instance;

/**
 * Which active instances a committee runs on. On remote testbeds the monitoring host (the first instance of the first
 * region) comes first, then `dedicated_clients` hosts, then one host per validator. The client hosts stay idle: each
 * validator generates its own load. The local testbed runs everything on this machine, one virtual host per validator.
 */
public final class CommitteeHosts {

    private CommitteeHosts() {
    }

    /** How many active instances a committee of `committee` validators needs on the settings' testbed. */
    public static int needed(Settings settings, int committee) {
        return settings.cloudProvider().isLocal() ? committee : committee + settings.dedicatedClients() + 1;
    }

    /** The hosts of validators 0 to committee - 1 among the `active` instances; too few is an error saying what to do. */
    static List<Instance> validators(Settings settings, List<Instance> active, int committee) {
        int needed = needed(settings, committee);
        if (active.size() < needed) {
            throw new IllegalStateException(tooFew(settings, active.size(), committee, needed));
        }
        if (settings.cloudProvider().isLocal()) {
            return active.subList(0, committee);
        }
        List<Instance> rest = new ArrayList<>(active);
        rest.remove(Monitoring.monitoringHost(settings, active));
        return rest.subList(settings.dedicatedClients(), settings.dedicatedClients() + committee);
    }

    private static String tooFew(Settings settings, int active, int committee, int needed) {
        if (settings.cloudProvider().isLocal()) {
            return "the testbed has " + active + " active instances but the committee needs " + committee;
        }
        int perRegion = deployPerRegion(settings, needed, active);
        return "the testbed has " + active + " active instances; committee " + committee + " + dedicated_clients "
                + settings.dedicatedClients() + " + 1 monitoring host needs " + needed + "; run `testbed deploy"
                + " --instances " + perRegion + "` (instances per region) or `testbed start`";
    }

    /**
     * The `--instances` count (per region) of the deploy that brings `active` instances up to `needed`: a netns
     * deploy tops each region up to the count, a cloud deploy adds that many to each region.
     */
    public static int deployPerRegion(Settings settings, int needed, long active) {
        int regions = Math.max(1, settings.regions().size());
        long toDeploy = settings.cloudProvider() == CloudProvider.NETNS ? needed : needed - active;
        return (int) ((toDeploy + regions - 1) / regions);
    }
}
