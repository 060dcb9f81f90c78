package starfish.simulation;

import java.nio.ByteBuffer;
import starfish.node.metrics.NodeMetrics;
import starfish.node.net.Message;
import starfish.node.net.Transport;

/**
 * One validator's end of the simulated network. Every peer counts as connected: there is no handshake to wait for.
 * Messages travel as the sender's immutable objects, charged the bytes TCP would carry; frames given as bytes travel
 * as bytes.
 */
final class SimulatedTransport implements Transport {

    private final SimulatedNetwork network;
    private final int self;
    private final NodeMetrics metrics;

    SimulatedTransport(SimulatedNetwork network, int self, NodeMetrics metrics) {
        this.network = network;
        this.self = self;
        this.metrics = metrics;
    }

    @Override
    public int self() {
        return self;
    }

    @Override
    public int size() {
        return network.size();
    }

    @Override
    public boolean allPeersConnected() {
        return true;
    }

    @Override
    public void sendFrame(int peer, ByteBuffer frame, long extraDelayNanos) {
        carry(peer, network.frameOf(frame), extraDelayNanos);
    }

    @Override
    public void send(int peer, Message message) {
        carry(peer, network.frameOf(message), 0);
    }

    @Override
    public void broadcast(Message message) {
        SharedFrame frame = network.frameOf(message);
        for (int peer = 0; peer < size(); peer++) {
            if (peer != self) {
                carry(peer, frame, 0);
            }
        }
    }

    private void carry(int peer, SharedFrame frame, long extraDelayNanos) {
        metrics.bytesSent.inc(frame.frameLength());
        network.send(self, peer, frame, extraDelayNanos);
    }

    @Override
    public void start() {
        // nothing to listen on: the host receives for this validator while it is up
    }

    @Override
    public void close() {
        // the host stops receiving when its validator goes down
    }
}
