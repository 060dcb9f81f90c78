package starfish.node.dag;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import starfish.node.crypto.Digest;
import starfish.node.crypto.Hasher;
import starfish.node.crypto.PublicKey;

/**
 * The wire form of a block: header (the part the digest covers), signature, payload kind, payload count and bytes.
 * Decoding is strict: counts are bounded, lengths must fit, trailing bytes are errors.
 */
public final class BlockCodec {

    /** Far above any honest block's reference count (n parents plus a few tips) and small enough to bound work. */
    public static final int MAX_REFERENCES = 4096;

    private BlockCodec() {
    }

    public static int headerLength(int parents, int acknowledgements) {
        return 4 + 8 + 8 + 4 + parents * BlockReference.ENCODED_LENGTH + 4
                + acknowledgements * BlockReference.ENCODED_LENGTH + Digest.LENGTH;
    }

    public static int encodedLength(Block block) {
        return headerLength(block.parents().size(), block.acknowledgements().size()) + PublicKey.SIGNATURE_LENGTH
                + 1 + 4 + 4 + block.payload().byteLength();
    }

    /** The digest of a header that is yet to be signed. */
    public static Digest digestOf(int author, long round, long creationTimeMs, List<BlockReference> parents,
            List<BlockReference> acknowledgements, Digest payloadCommitment) {
        ByteBuffer header = ByteBuffer.allocate(headerLength(parents.size(), acknowledgements.size()));
        writeHeader(header, author, round, creationTimeMs, parents, acknowledgements, payloadCommitment);
        return Hasher.sha256(header.array());
    }

    public static void encode(Block block, ByteBuffer out) {
        writeHeader(out, block.author(), block.round(), block.creationTimeMs(), block.parents(),
                block.acknowledgements(), block.payloadCommitment());
        out.put(block.signature());
        out.put(block.payload().kind());
        out.putInt(block.payload().count());
        ByteBuffer bytes = block.payload().bytes();
        out.putInt(bytes.remaining());
        out.put(bytes.duplicate());
    }

    /**
     * Decodes one block at the buffer's position and advances past it. The payload is a view of the input buffer
     * (no copy). Checks only the encoding; {@link BlockVerifier} checks signature and rules.
     */
    public static Block decode(ByteBuffer in) throws MalformedException {
        try {
            int start = in.position();
            int author = in.getInt();
            long round = in.getLong();
            long creationTimeMs = in.getLong();
            List<BlockReference> parents = readReferences(in, "parents");
            List<BlockReference> acknowledgements = readReferences(in, "acknowledgements");
            Digest payloadCommitment = readDigest(in);
            int headerEnd = in.position();
            byte[] signature = new byte[PublicKey.SIGNATURE_LENGTH];
            in.get(signature);
            byte kind = in.get();
            int count = in.getInt();
            int length = in.getInt();
            if (length < 0 || length > in.remaining() || count < 0) {
                throw new MalformedException("payload length " + length + " or count " + count + " out of range");
            }
            ByteBuffer payloadBytes = in.slice(in.position(), length);
            in.position(in.position() + length);
            BlockPayload payload = switch (kind) {
                case Transactions.KIND -> new Transactions(payloadBytes, count);
                case ShardPayload.KIND -> ShardPayload.decode(payloadBytes, count);
                default -> throw new MalformedException("unknown payload kind " + kind);
            };
            Digest digest = Hasher.sha256(in.array(), in.arrayOffset() + start, headerEnd - start);
            return new Block(new BlockReference(author, round, digest), creationTimeMs, parents, acknowledgements,
                    payloadCommitment, signature, payload);
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new MalformedException("block truncated");
        }
    }

    public static void writeReference(ByteBuffer out, BlockReference reference) {
        out.putInt(reference.author());
        out.putLong(reference.round());
        out.put(reference.digest().bytes());
    }

    public static BlockReference readReference(ByteBuffer in) {
        return new BlockReference(in.getInt(), in.getLong(), readDigest(in));
    }

    public static List<BlockReference> readReferences(ByteBuffer in, String what) throws MalformedException {
        int count = in.getInt();
        if (count < 0 || count > MAX_REFERENCES || count * (long) BlockReference.ENCODED_LENGTH > in.remaining()) {
            throw new MalformedException(what + " count " + count + " out of range");
        }
        List<BlockReference> references = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            references.add(readReference(in));
        }
        return references;
    }

    public static void writeReferences(ByteBuffer out, List<BlockReference> references) {
        out.putInt(references.size());
        references.forEach(r -> writeReference(out, r));
    }

    private static void writeHeader(ByteBuffer out, int author, long round, long creationTimeMs,
            List<BlockReference> parents, List<BlockReference> acknowledgements, Digest payloadCommitment) {
        out.putInt(author);
        out.putLong(round);
        out.putLong(creationTimeMs);
        writeReferences(out, parents);
        writeReferences(out, acknowledgements);
        out.put(payloadCommitment.bytes());
    }

    private static Digest readDigest(ByteBuffer in) {
        byte[] bytes = new byte[Digest.LENGTH];
        in.get(bytes);
        return new Digest(bytes);
    }

}
