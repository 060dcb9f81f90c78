package starfish.node.net;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import starfish.node.dag.Block;
import starfish.node.dag.BlockCheck;
import starfish.node.dag.InvalidBlockException;
import starfish.node.dag.MalformedException;
import starfish.node.metrics.NodeMetrics;
import starfish.node.metrics.RejectionReason;

/**
 * What every transport does with a frame body that arrived: count its bytes, decode it, verify its blocks and hand
 * it to the core. A malformed frame or an invalid block is dropped and counted; nothing here throws.
 */
public final class InboundFrames {

    private static final Logger LOG = LoggerFactory.getLogger(InboundFrames.class);

    private final BlockCheck verifier;
    private final NodeMetrics metrics;
    private final InboundHandler handler;

    public InboundFrames(BlockCheck verifier, NodeMetrics metrics, InboundHandler handler) {
        this.verifier = verifier;
        this.metrics = metrics;
        this.handler = handler;
    }

    /** A frame body's message as its transport decodes it (one that carries a frame to many may decode it once). */
    @FunctionalInterface
    public interface DecodedBody {
        Message message() throws MalformedException;
    }

    /** See {@link InboundHandler#awaitCapacity()}: for transports with reader threads of their own. */
    public void awaitCapacity() throws InterruptedException {
        handler.awaitCapacity();
    }

    /** One frame body (without its 4-byte length) from an identified peer; returns the blocks it carried. */
    public int deliver(int peer, byte[] body) {
        return deliver(peer, body.length, () -> MessageCodec.decode(body));
    }

    /**
     * A frame body of `bodyLength` bytes whose decoding `body` supplies; its message must be exactly what
     * {@link MessageCodec#decode} makes of those bytes, and its blocks are never modified by the receiver.
     */
    public int deliver(int peer, int bodyLength, DecodedBody body) {
        metrics.bytesReceived.inc(4 + bodyLength);
        Message message;
        try {
            message = body.message();
        } catch (MalformedException e) {
            metrics.reject(RejectionReason.MALFORMED);
            LOG.debug("dropped a malformed frame from {}: {}", peer, e.getMessage());
            return 0;
        }
        if (message instanceof Message.Handshake) {
            metrics.reject(RejectionReason.UNEXPECTED_MESSAGE);
            return 0;
        }
        List<Block> blocks = message instanceof Message.Blocks b ? b.blocks()
                : message instanceof Message.BlockResponse r ? r.blocks() : List.of();
        for (Block block : blocks) {
            try {
                verifier.verify(block);
            } catch (InvalidBlockException e) {
                metrics.reject(e.reason());
                LOG.debug("dropped a frame from {}: {}", peer, e.getMessage());
                return blocks.size();
            }
        }
        try {
            handler.onMessage(peer, message);
        } catch (RuntimeException e) {
            LOG.error("handling a message from {} failed", peer, e);
        }
        return blocks.size();
    }
}
