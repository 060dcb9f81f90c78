package starfish.simulation;

import java.nio.ByteBuffer;
import java.util.List;
import starfish.node.dag.Block;
import starfish.node.dag.MalformedException;
import starfish.node.net.Message;
import starfish.node.net.MessageCodec;

/**
 * One encoded frame in flight to one or more simulated validators (a broadcast sends one frame to all), decoded at
 * most once, on its first delivery, with its blocks interned: every receiver gets the same immutable message,
 * exactly what decoding the bytes itself would give it. A malformed frame stays malformed for every receiver.
 */
final class SharedFrame {

    private final BlockInterner interner;
    private final int bodyLength;
    private ByteBuffer frame;
    private Message message;
    private MalformedException malformed;

    SharedFrame(ByteBuffer frame, BlockInterner interner) {
        this.frame = frame;
        this.interner = interner;
        this.bodyLength = frame.remaining() - Integer.BYTES;
    }

    /** The whole frame's length, its 4-byte length prefix included. */
    int frameLength() {
        return bodyLength + Integer.BYTES;
    }

    /** The frame's length without its 4-byte length prefix. */
    int bodyLength() {
        return bodyLength;
    }

    Message message() throws MalformedException {
        if (message == null && malformed == null) {
            decode();
        }
        if (malformed != null) {
            throw malformed;
        }
        return message;
    }

    private void decode() {
        ByteBuffer view = frame.duplicate();
        view.position(view.position() + Integer.BYTES);
        byte[] body = new byte[view.remaining()];
        view.get(body);
        try {
            message = interned(MessageCodec.decode(body));
        } catch (MalformedException e) {
            malformed = e;
        }
        frame = null; // the decoded message is all that is needed from now on

    }

    private Message interned(Message decoded) {
        if (decoded instanceof Message.Blocks blocks) {
            return new Message.Blocks(intern(blocks.blocks()));
        }
        if (decoded instanceof Message.BlockResponse response) {
            return new Message.BlockResponse(intern(response.blocks()));
        }
        return decoded;
    }

    private List<Block> intern(List<Block> blocks) {
        return blocks.stream().map(interner::intern).toList();
    }
}
