package starfish.orchestrator.netns;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The links of one testbed: a bridge in the root namespace holding the gateway address, and per host a namespace
 * joined to the bridge by a veth pair whose inner end (eth0) holds the host's public and internal addresses. The
 * namespaces get no default route, so hosts reach each other and the machine, nothing beyond.
 */
final class NetnsNetwork {
    private final NetnsNaming naming;
    private final AddressPlan plan;

    NetnsNetwork(NetnsNaming naming, AddressPlan plan) {
        this.naming = naming;
        this.plan = plan;
    }

    static Set<String> namespaces() {
        return HostCommands.run("ip", "netns", "list").lines()
                .map(line -> line.split(" ")[0].strip())
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toSet());
    }

    static Set<String> links() {
        return HostCommands.run("ip", "-o", "link", "show").lines()
                .map(line -> line.split(":\\s+", 3))
                .filter(parts -> parts.length >= 2)
                .map(parts -> parts[1].split("@")[0])
                .collect(Collectors.toSet());
    }

    /** Slots whose gateway address some testbed already holds in the root namespace. */
    static Set<Integer> usedSlots() {
        return HostCommands.run("ip", "-o", "-4", "addr", "show").lines()
                .flatMap(line -> Arrays.stream(line.split("\\s+")))
                .filter(word -> word.startsWith("198.18.") && word.contains("/"))
                .map(word -> AddressPlan.slotOfGateway(word.substring(0, word.indexOf('/'))))
                .filter(slot -> slot >= 0)
                .collect(Collectors.toSet());
    }

    void ensureBridge() {
        String bridge = naming.bridge();
        if (!links().contains(bridge)) {
            HostCommands.run("ip", "link", "add", bridge, "type", "bridge");
        }
        HostCommands.run("ip", "addr", "replace", plan.gateway() + "/" + AddressPlan.PREFIX_LENGTH, "dev", bridge);
        HostCommands.run("ip", "link", "set", bridge, "up");
    }

    boolean isIntact(NetnsHost host, Set<String> namespaces, Set<String> links) {
        return namespaces.contains(host.namespace()) && links.contains(host.link());
    }

    void create(NetnsHost host) {
        String ns = host.namespace();
        String prefix = "/" + AddressPlan.PREFIX_LENGTH;
        HostCommands.run("ip", "netns", "add", ns);
        HostCommands.run("ip", "link", "add", host.link(), "type", "veth", "peer", "name", "eth0", "netns", ns);
        HostCommands.run("ip", "link", "set", host.link(), "master", naming.bridge(), "up");
        HostCommands.run("ip", "-n", ns, "addr", "add", host.publicIp() + prefix, "dev", "eth0");
        HostCommands.run("ip", "-n", ns, "addr", "add", host.internalIp() + prefix, "dev", "eth0");
        HostCommands.run("ip", "-n", ns, "link", "set", "lo", "up");
        HostCommands.run("ip", "-n", ns, "link", "set", "eth0", "up");
    }

    /** Removes a namespace; absent is fine. Its processes must be stopped first, or it lingers unnamed. */
    static void removeNamespace(String namespace) {
        if (namespaces().contains(namespace)) {
            HostCommands.run("ip", "netns", "del", namespace);
        }
    }

    /**
     * Removes a link and, for a veth, its peer at once; absent is fine. Deleting the host end first keeps this
     * synchronous, where the kernel would otherwise drop a deleted namespace's veth pair a little later.
     */
    static void removeLink(String link) {
        HostCommands.Result result = HostCommands.attempt("ip", "link", "del", link);
        if (!result.succeeded() && links().contains(link)) {
            throw new NetnsException("`ip link del " + link + "` failed: " + result.stderr().strip());
        }
    }

    /** Removes every link of a testbed that is still there, the bridge last. */
    static void removeAllLinks(NetnsNaming naming) {
        links().stream().filter(naming::ownsLink).filter(link -> !link.equals(naming.bridge()))
                .forEach(NetnsNetwork::removeLink);
        removeLink(naming.bridge());
    }
}
