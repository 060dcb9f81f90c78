package starfish.orchestrator.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import starfish.orchestrator.host.ValidatorPorts;
import starfish.orchestrator.testbed.HostTraits;

/**
 * Chooses the validators' base port. Hosts with ports of their own use the fixed layout of ValidatorPorts, which
 * firewalls know. Hosts that share
 * this machine's port space with everything else on this machine, so a free range is probed,
 * below the kernel's ephemeral range: a port free when probed but inside that range can be handed to any outgoing
 * connection (the validators' own, among others) before the validator binds it.
 */
public final class PortAllocator {
    private static final int LOWEST = 10_000;
    /** Linux's default ephemeral range starts here; /proc says where it really does. */
    private static final int DEFAULT_EPHEMERAL_START = 32_768;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int ATTEMPTS = 100;

    private PortAllocator() {
    }

    /** A base P such that P .. P + portsNeeded - 1 are usable by validators on hosts like `hosts`. */
    public static int basePort(HostTraits hosts, int portsNeeded) {
        if (!hosts.sharePortSpace()) {
            return ValidatorPorts.basePort(portsNeeded / 2);
        }
        int highest = ephemeralStart(EPHEMERAL_RANGE);
        if (highest - LOWEST < portsNeeded) {
            throw new IllegalStateException("the ephemeral port range starts at " + highest + " (" + EPHEMERAL_RANGE
                    + "), leaving fewer than " + portsNeeded + " ports above " + LOWEST + " for local validators");
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(LOWEST, highest - portsNeeded + 1);
            if (allFree(base, portsNeeded)) {
                return base;
            }
        }
        throw new IllegalStateException("found no " + portsNeeded + " consecutive free ports on 127.0.0.1 between "
                + LOWEST + " and " + highest + "; stop other validators or benchmarks on this machine");
    }

    /** The first port of the kernel's ephemeral range in `rangeFile` ("32768\t60999"); the default when unreadable. */
    static int ephemeralStart(Path rangeFile) {
        // read line by line: Files.readString sees a /proc file's reported size of 0 and returns one character
        try (BufferedReader reader = Files.newBufferedReader(rangeFile)) {
            return Integer.parseInt(reader.readLine().trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_START;
        }
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
