package starfish.node.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Where a validator listens for its peers and for scrapes, given its own host in the committee files. */
final class ListenAddress {

    private ListenAddress() {
    }

    /**
     * Loopback when the committee places the validator on loopback (the local testbed), so that nothing beyond this
     * machine reaches it; every interface otherwise (a cloud host's public address need not be one of its own).
     */
    static InetAddress forHost(String host) throws UnknownHostException {
        InetAddress own = InetAddress.getByName(host);
        return own.isLoopbackAddress() ? own : InetAddress.getByName("0.0.0.0");
    }
}
