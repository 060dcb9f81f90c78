package starfish.node.runtime;

import java.time.Duration;
import java.util.Optional;

import java.util.random.RandomGenerator;
import starfish.node.core.ValidatorConfig;
import starfish.node.crypto.SignatureCheck;
import starfish.node.dag.BlockCheck;
import starfish.node.data.PayloadCoding;
import starfish.node.data.ReedSolomonCoder;
import starfish.node.metrics.NodeMetrics;
import starfish.node.net.InboundFrames;
import starfish.node.net.Transport;

/**
 * Where one validator takes its time, its threads, its randomness and its transport from: the machine and TCP in a
 * deployment ({@link #system()}), virtual time and a network model in a simulation. The validator never reads a
 * clock, starts a thread, seeds a generator or opens a socket by itself.
 */
public interface NodeRuntime {

    Clock clock();

    /** An executor of its own for one component (the core, the load generator). */
    TaskExecutor executor(String name);

    /** A generator of its own for one component; from one seed in a simulation, so that a run repeats. */
    RandomGenerator random();

    /** How block signatures are checked. */
    default SignatureCheck signatureCheck() {
        return SignatureCheck.DIRECT;
    }

    /**
     * How received blocks are checked, given the validator's own checks: those, in a deployment; a simulation, where
     * validators of one committee receive the very same immutable blocks, may reuse another's verdict.
     */
    default BlockCheck blockCheck(BlockCheck own) {
        return own;
    }

    /**
     * How transaction data is erasure-coded with `coder`: by the validator itself, in a deployment; a simulation,
     * where validators of one committee code the very same data, may code each payload once for all of them.
     */
    default PayloadCoding payloadCoding(ReedSolomonCoder coder) {
        return PayloadCoding.direct(coder);
    }

    /**
     * Whether the write-ahead log forces a validator's own block to stable storage before it is sent: a real crash
     * loses what the operating system still buffers, a simulated crash (the validator stopped in this process)
     * does not, so a simulation skips the forced writes it would otherwise wait for a hundred times a round.
     */
    default boolean forcesWrites() {
        return true;
    }

    /** The transport to the committee; frames that arrive go to `inbound`. */
    Transport transport(ValidatorConfig config, InboundFrames inbound, NodeMetrics metrics);

    static NodeRuntime system() {
        return SystemRuntime.INSTANCE;
    }

    /** The deployment runtime with every link `oneWayDelay` long (--uniform-latency-ms). */
    static NodeRuntime system(Duration oneWayDelay) {
        return new SystemRuntime(Optional.of(oneWayDelay));
    }
}
