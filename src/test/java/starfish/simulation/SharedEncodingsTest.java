package starfish.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import starfish.node.crypto.Digest;
import starfish.node.data.InvalidEncodingException;
import starfish.node.data.PayloadCoding;
import starfish.node.data.ReedSolomonCoder;
import starfish.node.data.Shard;
import starfish.node.data.ShardedPayload;
import starfish.node.runtime.NodeRuntime;

class SharedEncodingsTest {

    private final ReedSolomonCoder coder = ReedSolomonCoder.forCommittee(7);
    private final SharedEncodings encodings = new SharedEncodings();
    private final PayloadCoding author = encodings.over(coder);
    private final PayloadCoding receiver = encodings.over(coder);

    private static ByteBuffer data(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Digest root(ShardedPayload encoded) {
        return new Digest(encoded.root());
    }

    @Test
    void aSecondValidatorGetsTheAuthorsEncodingOfTheSameBytes() {
        ShardedPayload encoded = author.encode(data("block data"));

        ShardedPayload received = receiver.encode(data("block data"), root(encoded));

        assertThat(received).isSameAs(encoded);
    }

    @Test
    void otherBytesClaimingAKnownRootAreEncodedAnew() {
        ShardedPayload encoded = author.encode(data("block data"));

        ShardedPayload forged = receiver.encode(data("other data"), root(encoded));

        assertThat(forged).isNotSameAs(encoded);
        assertThat(forged.root()).isNotEqualTo(encoded.root());
        assertThat(forged.payload()).isEqualTo(data("other data"));
    }

    @Test
    void anotherBlocksDataIsEncodedAndThenShared() {
        ShardedPayload first = author.encode(data("block data"));
        ShardedPayload other = author.encode(data("next block"));

        assertThat(other).isNotSameAs(first);
        assertThat(receiver.encode(data("next block"), root(other))).isSameAs(other);
    }

    @Test
    void shardsVerifiedUnderAKnownRootRebuildToItsEncoding() throws InvalidEncodingException {
        ShardedPayload encoded = author.encode(data("block data"));

        assertThat(receiver.rebuild(root(encoded), someShards(encoded))).isSameAs(encoded);
    }

    @Test
    void shardsOfAnUnknownRootAreRebuiltAndThenShared() throws InvalidEncodingException {
        ShardedPayload elsewhere = PayloadCoding.direct(coder).encode(data("block data"));

        ShardedPayload rebuilt = receiver.rebuild(root(elsewhere), someShards(elsewhere));

        assertThat(rebuilt).isNotSameAs(elsewhere);
        assertThat(rebuilt.payload()).isEqualTo(data("block data"));
        assertThat(author.encode(data("block data"), root(elsewhere))).isSameAs(rebuilt);
    }

    @Test
    void aDeploymentEncodesEachTimeItIsAsked() {
        PayloadCoding own = NodeRuntime.system().payloadCoding(coder);
        ShardedPayload encoded = own.encode(data("block data"));

        assertThat(own.encode(data("block data"), root(encoded))).isNotSameAs(encoded);
    }

    @Test
    void theOldestEncodingsAreForgottenBeyondTheBound() {
        ShardedPayload oldest = author.encode(data("block 0"));
        IntStream.rangeClosed(1, SharedEncodings.CAPACITY).forEach(i -> author.encode(data("block " + i)));

        assertThat(receiver.encode(data("block 0"), root(oldest))).isNotSameAs(oldest);
    }

    private List<Shard> someShards(ShardedPayload encoded) {
        return IntStream.range(coder.totalShards() - coder.dataShards(), coder.totalShards())
                .mapToObj(encoded::shard).toList();
    }
}
