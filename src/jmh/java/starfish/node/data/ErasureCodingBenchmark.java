package starfish.node.data;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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

/**
 * Erasure-coding cost of one 512 KiB block payload. Throughput is in payloads per second: multiply by 0.5 for MiB/s.
 * "Parity" decodes from the last k shards (all parity for n >= 4: the worst case), "data" from the first k (a copy).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class ErasureCodingBenchmark {

    private static final int PAYLOAD_BYTES = 512 * 1024;

    @Param({"10", "100"})
    int committeeSize;

    private ReedSolomonCoder coder;
    private byte[] payload;
    private List<Shard> firstK;
    private List<Shard> lastK;
    private byte[] root;

    @Setup
    public void setUp() {
        coder = ReedSolomonCoder.forCommittee(committeeSize);
        payload = new byte[PAYLOAD_BYTES];
        new Random(1).nextBytes(payload);
        ShardedPayload sharded = ShardedPayload.encode(coder, payload);
        root = sharded.root();
        int k = coder.dataShards();
        firstK = IntStream.range(0, k).mapToObj(sharded::shard).toList();
        lastK = IntStream.range(committeeSize - k, committeeSize).mapToObj(sharded::shard).toList();
    }

    @Benchmark
    public byte[][] encode() {
        return coder.encode(payload);
    }

    @Benchmark
    public byte[] encodeWithMerkleTree() {
        return ShardedPayload.encode(coder, payload).root();
    }

    @Benchmark
    public byte[] decodeFromParity() throws InvalidEncodingException {
        return coder.decode(lastK);
    }

    @Benchmark
    public byte[] decodeFromData() throws InvalidEncodingException {
        return coder.decode(firstK);
    }

    @Benchmark
    public byte[] rebuildFromParity() throws InvalidEncodingException {
        return ShardedPayload.rebuild(coder, root, lastK).payload();
    }
}
