package starfish.simulation;

import java.nio.ByteBuffer;
import starfish.node.metrics.NodeMetrics;
import starfish.node.net.Transport;

/** One validator's end of the simulated network. Every peer counts as connected: there is no handshake to wait for. */
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
        metrics.bytesSent.inc(frame.remaining());
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
