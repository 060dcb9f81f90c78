package starfish.orchestrator.testbed;

import java.util.ArrayList;
import java.util.List;
import starfish.orchestrator.settings.Settings;

/**
 * How many active instances a command's runs need, and why (said in progress lines and errors): the committee's
 * hosts, the hosts the testbed reserves (monitoring, dedicated clients), and spares.
 *
 * @param count     active instances in all
 * @param breakdown what they are for, like "committee 4 + 1 monitoring host + 2 spares"
 */
public record HostsNeeded(int count, String breakdown) {

    public HostsNeeded {
        if (count < 0) {
            throw new IllegalArgumentException("a testbed cannot need " + count + " instances");
        }
    }

    /** The hosts of a committee of `committee` validators on hosts like `hosts`, plus `spares` kept in reserve. */
    public static HostsNeeded forCommittee(HostTraits hosts, Settings settings, int committee, int spares) {
        if (spares < 0) {
            throw new IllegalArgumentException("spare instances must not be negative, was " + spares);
        }
        List<String> parts = new ArrayList<>(List.of("committee " + committee));
        if (CommitteeHosts.reservesMonitoringHost(hosts, settings)) {
            parts.add("1 monitoring host");
            int clients = settings.run().dedicatedClients();
            if (clients > 0) {
                parts.add(clients + " dedicated client " + (clients == 1 ? "host" : "hosts"));
            }
        }
        if (spares > 0) {
            parts.add(spares + (spares == 1 ? " spare" : " spares"));
        }
        return new HostsNeeded(CommitteeHosts.needed(hosts, settings, committee) + spares, String.join(" + ", parts));
    }
}
