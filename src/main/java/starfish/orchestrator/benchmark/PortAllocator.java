package starfish.orchestrator.benchmark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import starfish.orchestrator.testbed.Instance;

/**
 * Chooses the validators' base port. Remote hosts each have their own ports, so the contract's default serves.
 * Virtual hosts on loopback share one port space with everything else on this machine, so a free range is probed.
 */
final class PortAllocator {
    static final int DEFAULT_BASE_PORT = 26_000;
    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 60_000;
    private static final int ATTEMPTS = 100;

    private PortAllocator() {
    }

    /** A base P such that P .. P + portsNeeded - 1 are usable by validators on `instances`. */
    static int basePort(List<Instance> instances, int portsNeeded) {
        boolean loopback = instances.stream().allMatch(i -> i.publicIp().startsWith("127."));
        if (!loopback) {
            return DEFAULT_BASE_PORT;
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST - portsNeeded);
            if (allFree(base, portsNeeded)) {
                return base;
            }
        }
        throw new IllegalStateException("found no " + portsNeeded + " consecutive free ports on 127.0.0.1 between "
                + LOWEST + " and " + HIGHEST + "; stop other validators or benchmarks on this machine");
    }

    private static boolean allFree(int base, int count) {
        for (int port = base; port < base + count; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
