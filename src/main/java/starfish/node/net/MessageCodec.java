package starfish.node.net;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import starfish.node.crypto.PublicKey;
import starfish.node.dag.Block;
import starfish.node.dag.BlockCodec;
import starfish.node.dag.BlockReference;
import starfish.node.dag.MalformedException;

/**
 * Frames: a 4-byte big-endian length, then the body (a tag byte and the message). Decoding is strict: unknown tags,
 * counts beyond bounds, truncation and trailing bytes are all errors.
 */
public final class MessageCodec {

    static final byte HELLO = 1;
    static final byte BLOCKS = 2;
    static final byte REQUEST = 3;
    static final byte RESPONSE = 4;
    static final byte DATA_REQUEST = 5;
    static final byte CHALLENGE = 6;
    static final byte PROOF = 7;
    static final byte CATCH_UP_REQUEST = 8;
    static final byte CATCH_UP_RESPONSE = 9;
    static final int MAX_BLOCKS_PER_MESSAGE = 10_000;

    private MessageCodec() {
    }

    /** The whole frame, length prefix included, ready to write (position 0, shareable via duplicate()). */
    public static ByteBuffer encode(Message message) {
        int bodyLength = frameLength(message) - 4;
        ByteBuffer frame = ByteBuffer.allocate(4 + bodyLength);
        frame.putInt(bodyLength);
        if (message instanceof Message.Hello hello) {
            frame.put(HELLO).putInt(hello.authority()).put(hello.nonce());
        } else if (message instanceof Message.Challenge challenge) {
            frame.put(CHALLENGE).putInt(challenge.authority()).put(challenge.nonce()).put(challenge.signature());
        } else if (message instanceof Message.Proof proof) {
            frame.put(PROOF).put(proof.signature());
        } else if (message instanceof Message.Blocks blocks) {
            frame.put(BLOCKS);
            writeBlocks(frame, blocks.blocks());
        } else if (message instanceof Message.BlockRequest request) {
            frame.put(REQUEST);
            BlockCodec.writeReferences(frame, request.references());
        } else if (message instanceof Message.DataRequest request) {
            frame.put(DATA_REQUEST);
            BlockCodec.writeReferences(frame, request.references());
        } else if (message instanceof Message.BlockResponse response) {
            frame.put(RESPONSE);
            writeBlocks(frame, response.blocks());
        } else if (message instanceof Message.CatchUpRequest request) {
            frame.put(CATCH_UP_REQUEST).putLong(request.fromIndex());
        } else if (message instanceof Message.CatchUpResponse response) {
            frame.put(CATCH_UP_RESPONSE).putInt(response.offer().length).put(response.offer());
        }
        return frame.flip();
    }

    /** The length of {@link #encode}'s frame, computed without encoding (a simulation charges it as sent). */
    public static int frameLength(Message message) {
        return 4 + 1 + bodyLength(message);
    }

    public static Message decode(byte[] body) throws MalformedException {
        ByteBuffer in = ByteBuffer.wrap(body);
        try {
            if (!in.hasRemaining()) {
                throw new MalformedException("empty frame");
            }
            byte tag = in.get();
            Message message = switch (tag) {
                case HELLO -> new Message.Hello(in.getInt(), bytes(in, LinkHandshake.NONCE_LENGTH));
                case CHALLENGE -> new Message.Challenge(in.getInt(), bytes(in, LinkHandshake.NONCE_LENGTH),
                        bytes(in, PublicKey.SIGNATURE_LENGTH));
                case PROOF -> new Message.Proof(bytes(in, PublicKey.SIGNATURE_LENGTH));
                case BLOCKS -> new Message.Blocks(readBlocks(in));
                case REQUEST -> new Message.BlockRequest(BlockCodec.readReferences(in, "requested references"));
                case RESPONSE -> new Message.BlockResponse(readBlocks(in));
                case DATA_REQUEST -> new Message.DataRequest(BlockCodec.readReferences(in, "requested data"));
                case CATCH_UP_REQUEST -> catchUpRequest(in.getLong());
                case CATCH_UP_RESPONSE -> new Message.CatchUpResponse(readBytes(in));
                default -> throw new MalformedException("unknown message tag " + tag);
            };
            if (in.hasRemaining()) {
                throw new MalformedException(in.remaining() + " trailing bytes after message");
            }
            return message;
        } catch (BufferUnderflowException e) {
            throw new MalformedException("message truncated");
        }
    }

    /** A sequence index is never negative: a peer that sends one is dropped here, not met by the core. */
    private static Message.CatchUpRequest catchUpRequest(long fromIndex) throws MalformedException {
        if (fromIndex < 0) {
            throw new MalformedException("negative catch-up index " + fromIndex);
        }
        return new Message.CatchUpRequest(fromIndex);
    }

    private static int bodyLength(Message message) {
        if (message instanceof Message.Hello hello) {
            return 4 + hello.nonce().length;
        }
        if (message instanceof Message.Challenge challenge) {
            return 4 + challenge.nonce().length + challenge.signature().length;
        }
        if (message instanceof Message.Proof proof) {
            return proof.signature().length;
        }
        if (message instanceof Message.CatchUpRequest) {
            return 8;
        }
        if (message instanceof Message.CatchUpResponse response) {
            return 4 + response.offer().length;
        }
        if (message instanceof Message.BlockRequest request) {
            return 4 + request.references().size() * BlockReference.ENCODED_LENGTH;
        }
        if (message instanceof Message.DataRequest request) {
            return 4 + request.references().size() * BlockReference.ENCODED_LENGTH;
        }
        List<Block> blocks = message instanceof Message.Blocks b ? b.blocks() : ((Message.BlockResponse) message).blocks();
        int length = 4;
        for (Block block : blocks) {
            length += BlockCodec.encodedLength(block);
        }
        return length;
    }

    /** Bytes preceded by their count, checked against what is left. */
    private static byte[] readBytes(ByteBuffer in) throws MalformedException {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new MalformedException("length " + length + " out of range");
        }
        return bytes(in, length);
    }

    private static byte[] bytes(ByteBuffer in, int length) {
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    private static void writeBlocks(ByteBuffer out, List<Block> blocks) {
        out.putInt(blocks.size());
        blocks.forEach(block -> BlockCodec.encode(block, out));
    }

    private static List<Block> readBlocks(ByteBuffer in) throws MalformedException {
        int count = in.getInt();
        if (count < 0 || count > MAX_BLOCKS_PER_MESSAGE) {
            throw new MalformedException("block count " + count + " out of range");
        }
        List<Block> blocks = new ArrayList<>(Math.min(count, 64));
        for (int i = 0; i < count; i++) {
            blocks.add(BlockCodec.decode(in));
        }
        return blocks;
    }
}
