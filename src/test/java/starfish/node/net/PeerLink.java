package starfish.node.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.SecureRandom;
import starfish.node.config.Committee;
import starfish.node.crypto.SigningKey;

/** A test's own end of a validator link: a raw socket that passed the handshake as a given authority. */
public final class PeerLink {

    private PeerLink() {
    }

    /** Dials validator `target` as authority `as`, proving it with `key`; the socket then carries any frame. */
    public static Socket open(Committee committee, int as, SigningKey key, int target) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), committee.authority(target).consensusPort());
        try {
            new LinkHandshake(committee, as, key, new SecureRandom()).dial(new Connection(socket), target);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}
