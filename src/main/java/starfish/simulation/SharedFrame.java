package starfish.simulation;

import java.nio.ByteBuffer;
import java.util.List;
import starfish.node.dag.Block;
import starfish.node.dag.MalformedException;
import starfish.node.net.Message;
import starfish.node.net.MessageCodec;

/**
 * One frame in flight to one or more simulated validators (a broadcast sends one frame to all), with its blocks
 * interned: every receiver gets the same immutable message, exactly what decoding the frame's bytes would give it.
 * A message handed over by its sender is never encoded: it is charged the length its encoding would have (a
 * Starfish validator of a hundred pushes each peer its own frame of history, a million blocks a round for the
 * committee). Bytes sent as bytes (what a Byzantine strategy may craft) are decoded once, when sent, and not kept
 * while the frame travels; a malformed frame stays malformed for every receiver.
 */
final class SharedFrame {

    private final int bodyLength;
    private final Message message;
    private final MalformedException malformed;

    private SharedFrame(int bodyLength, Message message, MalformedException malformed) {
        this.bodyLength = bodyLength;
        this.message = message;
        this.malformed = malformed;
    }

    /** The sender's own message: its blocks are immutable, so receivers may hold them as they are. */
    static SharedFrame of(Message message, BlockInterner interner) {
        return new SharedFrame(MessageCodec.frameLength(message) - Integer.BYTES, interned(message, interner), null);
    }

    static SharedFrame decode(ByteBuffer frame, BlockInterner interner) {
        ByteBuffer view = frame.duplicate();
        view.position(view.position() + Integer.BYTES);
        byte[] body = new byte[view.remaining()];
        view.get(body);
        try {
            return new SharedFrame(body.length, interned(MessageCodec.decode(body), interner), null);
        } catch (MalformedException e) {
            return new SharedFrame(body.length, null, e);
        }
    }

    /** The frame's length without its 4-byte length prefix. */
    int bodyLength() {
        return bodyLength;
    }

    /** The whole frame's length, its 4-byte length prefix included. */
    int frameLength() {
        return bodyLength + Integer.BYTES;
    }

    Message message() throws MalformedException {
        if (malformed != null) {
            throw malformed;
        }
        return message;
    }

    private static Message interned(Message decoded, BlockInterner interner) {
        if (decoded instanceof Message.Blocks blocks) {
            return new Message.Blocks(intern(blocks.blocks(), interner));
        }
        if (decoded instanceof Message.BlockResponse response) {
            return new Message.BlockResponse(intern(response.blocks(), interner));
        }
        // a sender's list must not change under its receivers
        if (decoded instanceof Message.BlockRequest request) {
            return new Message.BlockRequest(List.copyOf(request.references()));
        }
        if (decoded instanceof Message.DataRequest request) {
            return new Message.DataRequest(List.copyOf(request.references()));
        }
        return decoded;
    }

    private static List<Block> intern(List<Block> blocks, BlockInterner interner) {
        return blocks.stream().map(interner::intern).toList();
    }
}
