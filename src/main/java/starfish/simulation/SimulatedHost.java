package starfish.simulation;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import starfish.node.core.ValidatorConfig;
import starfish.node.crypto.SignatureCheck;
import starfish.node.dag.BlockCheck;
import starfish.node.data.PayloadCoding;
import starfish.node.data.ReedSolomonCoder;
import starfish.node.metrics.NodeMetrics;
import starfish.node.net.InboundFrames;
import starfish.node.net.Transport;
import starfish.node.runtime.Clock;
import starfish.node.runtime.NodeRuntime;
import starfish.node.runtime.TaskExecutor;

/**
 * One simulated machine: the runtime its validator runs on (virtual clock, executors on the event scheduler,
 * generators split from the run's seed, the simulated network), whether it is up, and how long its CPU is busy
 * under the cost model. Each start of a validator on it is a new incarnation: frames sent to an older one are lost.
 */
final class SimulatedHost implements NodeRuntime {

    private final int authority;
    private final EventScheduler.Lane lane;
    private final SimulatedNetwork network;
    private final CostModel costs;
    private final SplittableRandom random;
    private final SignatureCheck signatures;
    private final SharedVerdicts verdicts;
    private final SharedEncodings encodings;
    private InboundFrames inbound;
    private long incarnation;
    private boolean up;
    private long busyUntilNanos;

    SimulatedHost(int authority, EventScheduler.Lane lane, SimulatedNetwork network, CostModel costs,
            SignatureCheck signatures, SharedVerdicts verdicts, SharedEncodings encodings, long seed) {
        this.authority = authority;
        this.lane = lane;
        this.network = network;
        this.costs = costs;
        this.random = new SplittableRandom(seed);
        this.signatures = signatures;
        this.verdicts = verdicts;
        this.encodings = encodings;
        network.attach(this);
    }

    int authority() {
        return authority;
    }

    boolean isUp() {
        return up;
    }

    EventScheduler.Lane lane() {
        return lane;
    }

    long incarnation() {
        return incarnation;
    }

    long busyUntil() {
        return Math.max(busyUntilNanos, lane.nowNanos());
    }

    /** A validator is about to start here. */
    void boot() {
        incarnation++;
        up = true;
        busyUntilNanos = lane.nowNanos();
    }

    /** Its validator stopped: what is in flight to it is lost. */
    void halt() {
        up = false;
        inbound = null;
        incarnation++;
    }

    void receive(int from, SharedFrame frame, long sentToIncarnation) {
        if (!up || sentToIncarnation != incarnation || inbound == null) {
            return;
        }
        if (busyUntilNanos > lane.nowNanos()) {
            lane.at(busyUntilNanos, () -> receive(from, frame, sentToIncarnation));
            return;
        }
        int blocks = inbound.deliver(from, frame.bodyLength(), frame::message);
        if (!costs.isZero()) {
            busyUntilNanos = lane.nowNanos() + costs.nanos(frame.frameLength(), blocks);
        }
    }

    @Override
    public Clock clock() {
        return lane.clock();
    }

    @Override
    public TaskExecutor executor(String name) {
        return new SimulatedExecutor(lane, this);
    }

    @Override
    public RandomGenerator random() {
        return random.split();
    }

    /** A simulated crash stops the validator in this process: what it wrote is still in the page cache. */
    @Override
    public boolean forcesWrites() {
        return false;
    }

    @Override
    public SignatureCheck signatureCheck() {
        return signatures;
    }

    @Override
    public BlockCheck blockCheck(BlockCheck own) {
        return verdicts.sharing(own);
    }

    @Override
    public PayloadCoding payloadCoding(ReedSolomonCoder coder) {
        return encodings.over(coder);
    }

    @Override
    public Transport transport(ValidatorConfig config, InboundFrames frames, NodeMetrics metrics) {
        this.inbound = frames;
        return new SimulatedTransport(network, authority, metrics);
    }
}
