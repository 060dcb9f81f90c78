package starfish.simulation;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import starfish.node.net.Message;

/**
 * Carries frames between the simulated validators: a frame leaves its sender's uplink after the frames queued
 * before it (when the uplink's bandwidth is limited), then arrives after its link's one-way delay, never before an
 * earlier frame of the same pair (a connection keeps order). Frames to a validator that is down, or that restarted
 * since they were sent, are lost, as on a broken connection.
 */
final class SimulatedNetwork {

    private final LinkModel links;
    private final double uplinkBytesPerNano;
    /** Each sender's own draws of jitter: senders may run on different threads. */
    private final RandomGenerator[] random;
    private final SimulatedHost[] hosts;
    private final long[] uplinkFreeAt;
    private final long[][] lastArrival;
    private final BlockInterner interner;

    /** Blocks kept for sharing: a validator's default history (100 rounds) plus a margin, at one block per author. */
    private static final int INTERNED_ROUNDS = 150;

    /** `uplinkMbps` of 0 means unlimited. */
    SimulatedNetwork(LinkModel links, double uplinkMbps, SplittableRandom random, int size) {
        this.links = links;
        this.uplinkBytesPerNano = uplinkMbps > 0 ? uplinkMbps * 1e6 / 8 / 1e9 : 0;
        this.random = new RandomGenerator[size];
        for (int i = 0; i < size; i++) {
            this.random[i] = random.split();
        }
        this.hosts = new SimulatedHost[size];
        this.uplinkFreeAt = new long[size];
        this.lastArrival = new long[size][size];
        this.interner = new BlockInterner(INTERNED_ROUNDS * size);
    }

    void attach(SimulatedHost host) {
        hosts[host.authority()] = host;
    }

    int size() {
        return hosts.length;
    }

    /** A message as its sender hands it over, charged the bytes of its encoding. */
    SharedFrame frameOf(Message message) {
        return SharedFrame.of(message, interner);
    }

    /** Bytes as sent, decoded once. */
    SharedFrame frameOf(ByteBuffer frame) {
        return SharedFrame.decode(frame, interner);
    }

    void send(int from, int to, SharedFrame frame, long extraDelayNanos) {
        SimulatedHost target = hosts[to];
        if (target == null || !target.isUp()) {
            return;
        }
        EventScheduler.Lane lane = hosts[from].lane();
        long now = lane.nowNanos();
        long departure = Math.max(now + extraDelayNanos, uplinkFreeAt[from]);
        if (uplinkBytesPerNano > 0) {
            departure += (long) (frame.frameLength() / uplinkBytesPerNano);
            uplinkFreeAt[from] = departure;
        }
        long arrival = Math.max(departure + links.oneWayNanos(from, to, random[from]), lastArrival[from][to]);
        lastArrival[from][to] = arrival;
        long incarnation = target.incarnation();
        lane.post(target.lane(), arrival, () -> target.receive(from, frame, incarnation));
    }
}
