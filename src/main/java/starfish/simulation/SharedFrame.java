package starfish.simulation;

import java.nio.ByteBuffer;
import java.util.List;
import starfish.node.dag.Block;
import starfish.node.dag.MalformedException;
import starfish.node.net.Message;
import starfish.node.net.MessageCodec;

/**
 * One encoded frame in flight to one or more simulated validators (a broadcast sends one frame to all), decoded
 * once when it is sent, with its blocks interned: every receiver gets the same immutable message, exactly what
 * decoding the bytes itself would give it, and the bytes are not kept while the frame travels (a Starfish
 * validator of a hundred pushes megabytes of history per round). A malformed frame stays malformed for every
 * receiver.
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
        return decoded;
    }

    private static List<Block> intern(List<Block> blocks, BlockInterner interner) {
        return blocks.stream().map(interner::intern).toList();
    }
}
