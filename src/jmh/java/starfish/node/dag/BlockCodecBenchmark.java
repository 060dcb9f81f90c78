package starfish.node.dag;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import starfish.node.config.Committee;
import starfish.node.crypto.Digest;
import starfish.node.crypto.SigningKey;

/**
 * Block wire codec and the digest/signature work a validator does per block: building (commitment, header
 * digest, Ed25519 signature), encoding, decoding (with the header digest) and verifying the signature. A block
 * carries `transactions` 512-byte transactions and one parent per authority of a `committee`.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class BlockCodecBenchmark {

    @Param({"4", "100"})
    int committee;

    @Param({"0", "250"})
    int transactions;

    private BlockSigner signer;
    private BlockVerifier verifier;
    private List<BlockReference> parents;
    private Transactions payload;
    private Block block;
    private ByteBuffer encoded;
    private ByteBuffer out;

    @Setup
    public void setUp() {
        Committee members = DagFixtures.committee(committee);
        signer = new BlockSigner(0, SigningKey.derived(0, 0));
        verifier = new BlockVerifier(members);
        parents = new ArrayList<>();
        for (int author = 0; author < committee; author++) {
            byte[] digest = new byte[Digest.LENGTH];
            digest[0] = (byte) author;
            parents.add(new BlockReference(author, 41, new Digest(digest)));
        }
        payload = DagFixtures.transactions(transactions, new Random(1));
        block = signer.sign(42, 1_000, parents, List.of(), payload);
        encoded = ByteBuffer.allocate(BlockCodec.encodedLength(block));
        BlockCodec.encode(block, encoded);
        encoded.flip();
        out = ByteBuffer.allocate(encoded.capacity());
    }

    /** What a proposer does per block: payload commitment, header digest, signature. */
    @Benchmark
    public Block buildAndSign() {
        return signer.sign(42, 1_000, parents, List.of(), payload);
    }

    @Benchmark
    public ByteBuffer encode() {
        out.clear();
        BlockCodec.encode(block, out);
        return out;
    }

    /** Includes the header digest, which decode computes. */
    @Benchmark
    public Block decode() throws MalformedException {
        return BlockCodec.decode(encoded.duplicate());
    }

    /** Signature, payload framing and commitment checks of a received block. */
    @Benchmark
    public Block verify() throws InvalidBlockException {
        verifier.verify(block);
        return block;
    }

    @Benchmark
    public Digest payloadCommitment() {
        return payload.commitment();
    }
}
