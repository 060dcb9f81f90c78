package starfish.node.net;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * How a validator reaches its peers: encoded frames out, decoded and verified messages in (through
 * {@link InboundFrames}). TCP in a deployment, the network model in a simulation.
 */
public interface Transport extends AutoCloseable {

    /** This validator's index. */
    int self();

    /** The committee's size. */
    int size();

    /** True once every peer can be reached. */
    boolean allPeersConnected();

    /** Sends after an extra delay on top of the link's own (Byzantine strategies that hold blocks back). */
    void sendFrame(int peer, ByteBuffer frame, long extraDelayNanos);

    void start() throws IOException;

    @Override
    void close();

    default void sendFrame(int peer, ByteBuffer frame) {
        sendFrame(peer, frame, 0);
    }

    default void send(int peer, Message message) {
        sendFrame(peer, MessageCodec.encode(message));
    }

    /** Sends one encoded frame to every peer (encoded once, shared). */
    default void broadcast(Message message) {
        ByteBuffer frame = MessageCodec.encode(message);
        for (int peer = 0; peer < size(); peer++) {
            if (peer != self()) {
                sendFrame(peer, frame);
            }
        }
    }
}
