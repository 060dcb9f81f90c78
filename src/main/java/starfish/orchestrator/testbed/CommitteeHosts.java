package starfish.orchestrator.testbed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.settings.Settings;

/**
 * Which active instances a committee runs on. Where the testbed reserves a monitoring host (the first instance of the
 * first region), it comes first, then `dedicated_clients` hosts, then one host per validator; the client hosts stay
 * idle, as each validator generates its own load. Otherwise validators take the first hosts, one each.
 */
public final class CommitteeHosts {

    private CommitteeHosts() {
    }

    /** How many active instances a committee of `committee` validators needs on hosts like `hosts`. */
    public static int needed(HostTraits hosts, Settings settings, int committee) {
        return reservesMonitoringHost(hosts, settings) ? committee + settings.run().dedicatedClients() + 1 : committee;
    }

    /** Whether one of the testbed's own hosts runs monitoring (and `dedicated_clients` hosts stay idle). */
    public static boolean reservesMonitoringHost(HostTraits hosts, Settings settings) {
        return hosts.reserveMonitoringHost() && !usesMonitoringServer(hosts, settings);
    }

    /**
     * Whether `monitoring_server` runs monitoring instead: only for hosts of their own, which a server elsewhere can
     * reach; hosts on this machine (local, netns) have addresses no other machine reaches.
     */
    public static boolean usesMonitoringServer(HostTraits hosts, Settings settings) {
        return settings.monitoring().server().isPresent() && hosts.reserveMonitoringHost() && !hosts.shareFileSystem();
    }

    /** The hosts of validators 0 to committee - 1 among the `active` instances; too few is an error saying what to do. */
    public static List<Instance> validators(HostTraits hosts, Settings settings, List<Instance> active,
                                            int committee) {
        int needed = needed(hosts, settings, committee);
        if (active.size() < needed) {
            throw new IllegalStateException(tooFew(hosts, settings, active.size(), committee, needed));
        }
        if (!reservesMonitoringHost(hosts, settings)) {
            return active.subList(0, committee);
        }
        List<Instance> rest = new ArrayList<>(active);
        rest.remove(monitoringHost(settings, active));
        return rest.subList(settings.run().dedicatedClients(), settings.run().dedicatedClients() + committee);
    }

    /**
     * What each of the `active` instances does for a committee of `committee` validators, by instance id: the
     * monitoring host, dedicated client hosts, validator i, and the spares a run does not use (the next run takes
     * them when a committee host stops). Too few instances leave the last validators without a host.
     */
    public static Map<String, String> roles(HostTraits hosts, Settings settings, List<Instance> active,
                                            int committee) {
        List<Instance> rest = new ArrayList<>(active);
        Map<String, String> roles = new LinkedHashMap<>();
        if (reservesMonitoringHost(hosts, settings) && !active.isEmpty()) {
            Instance monitoring = monitoringHost(settings, active);
            rest.remove(monitoring);
            roles.put(monitoring.id(), "monitoring");
        }
        int clients = reservesMonitoringHost(hosts, settings) ? settings.run().dedicatedClients() : 0;
        for (int i = 0; i < rest.size(); i++) {
            int validator = i - clients;
            roles.put(rest.get(i).id(), i < clients ? "client" : validator < committee ? "validator " + validator
                    : "spare");
        }
        return roles;
    }

    /** The first instance of the first configured region (or the first instance at all); it runs no validator. */
    public static Instance monitoringHost(Settings settings, List<Instance> hosts) {
        String firstRegion = settings.testbed().regions().isEmpty() ? "" : settings.testbed().regions().get(0);
        return hosts.stream().filter(host -> host.region().equals(firstRegion)).findFirst().orElse(hosts.get(0));
    }

    private static String tooFew(HostTraits hosts, Settings settings, int active, int committee, int needed) {
        if (!reservesMonitoringHost(hosts, settings)) {
            return "the testbed has " + active + " active instances but the committee needs " + committee;
        }
        int perRegion = hosts.deployPerRegion(needed, active, settings.testbed().regions().size());
        return "the testbed has " + active + " active instances; committee " + committee + " + dedicated_clients "
                + settings.run().dedicatedClients() + " + 1 monitoring host needs " + needed + "; run `testbed deploy"
                + " --instances " + perRegion + "` (instances per region) or `testbed start`";
    }
}
