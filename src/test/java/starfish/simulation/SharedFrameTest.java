package starfish.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import starfish.node.crypto.Digest;
import starfish.node.crypto.SigningKey;
import starfish.node.dag.Block;
import starfish.node.dag.BlockReference;
import starfish.node.dag.BlockSigner;
import starfish.node.dag.MalformedException;
import starfish.node.dag.ShardPayload;
import starfish.node.dag.Transactions;
import starfish.node.data.ProvenShard;
import starfish.node.data.ReedSolomonCoder;
import starfish.node.data.ShardedPayload;
import starfish.node.net.Message;
import starfish.node.net.MessageCodec;

class SharedFrameTest {

    private final BlockInterner interner = new BlockInterner(100);
    private final List<BlockReference> parents = IntStream.range(0, 4)
            .mapToObj(i -> new BlockReference(i, 0, new Digest(new byte[Digest.LENGTH]))).toList();
    private final Block block = new BlockSigner(0, SigningKey.derived(1, 0))
            .sign(1, 1_000, parents, List.of(), transactions(2));

    private static Transactions transactions(int count) {
        ByteBuffer data = ByteBuffer.allocate(count * 12);
        IntStream.range(0, count).forEach(i -> data.putInt(8).putLong(i));
        return new Transactions(data.flip(), count);
    }

    private Block decodedOnce(Block sent) throws MalformedException {
        ByteBuffer frame = MessageCodec.encode(new Message.Blocks(List.of(sent)));
        return ((Message.Blocks) SharedFrame.decode(frame, interner).message()).blocks().get(0);
    }

    @Test
    void everyReceiverOfAFrameGetsOneDecodingAndEveryFrameOfABlockOneCopy() throws MalformedException {
        SharedFrame broadcast = SharedFrame.decode(MessageCodec.encode(new Message.Blocks(List.of(block))), interner);

        assertThat(broadcast.message()).isSameAs(broadcast.message());
        Block first = ((Message.Blocks) broadcast.message()).blocks().get(0);
        assertThat(first.reference()).isEqualTo(block.reference());
        assertThat(first.transactions()).isEqualTo(block.transactions());
        assertThat(decodedOnce(block)).isSameAs(first);
        // the kept block holds only its own data, not the frame it came in
        assertThat(first.transactions().data().capacity()).isEqualTo(block.transactions().sizeBytes());
    }

    @Test
    void aCopyWithAnotherPayloadSharesOnlyTheHeader() throws MalformedException {
        Block first = decodedOnce(block);

        Block otherPayload = decodedOnce(block.withPayload(transactions(3)));

        assertThat(otherPayload).isNotSameAs(first);
        assertThat(otherPayload.parents()).isSameAs(first.parents());
        assertThat(otherPayload.transactions().count()).isEqualTo(3);
        assertThat(otherPayload.signature()).isEqualTo(block.signature());
    }

    /** What a simulated sender is charged must be what TCP would carry, byte for byte. */
    @Test
    void aMessageHandedOverIsChargedTheLengthOfItsEncoding() {
        ShardedPayload sharded = ShardedPayload.encode(ReedSolomonCoder.forCommittee(10), block.transactions().bytes());
        Block withShard = block.withPayload(new ShardPayload(sharded.provenShard(3)));
        Block withoutShard = block.withPayload(ShardPayload.NONE);
        List<Message> messages = List.of(
                new Message.Blocks(List.of(block)),
                new Message.Blocks(List.of(withShard, withoutShard, block)),
                new Message.BlockResponse(List.of(withShard)),
                new Message.BlockResponse(List.of()),
                new Message.BlockRequest(parents),
                new Message.DataRequest(parents.subList(0, 1)),
                new Message.CatchUpRequest(42),
                new Message.CatchUpResponse(new byte[77]));

        for (Message message : messages) {
            ByteBuffer encoded = MessageCodec.encode(message);
            assertThat(SharedFrame.of(message, interner).frameLength()).as("%s", message)
                    .isEqualTo(encoded.remaining()).isEqualTo(encoded.capacity())
                    .isEqualTo(SharedFrame.decode(encoded, interner).frameLength());
        }
    }

    @Test
    void aMessageHandedOverGivesReceiversWhatDecodingItsBytesWould() throws MalformedException {
        ShardedPayload sharded = ShardedPayload.encode(ReedSolomonCoder.forCommittee(10), block.transactions().bytes());
        Block withShard = block.withPayload(new ShardPayload(sharded.provenShard(3)));
        Message.Blocks sent = new Message.Blocks(List.of(block, withShard));

        List<Block> handed = ((Message.Blocks) SharedFrame.of(sent, interner).message()).blocks();
        List<Block> decoded = ((Message.Blocks) SharedFrame.decode(MessageCodec.encode(sent), interner).message())
                .blocks();

        assertThat(handed).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(MessageCodec.encode(new Message.Blocks(List.of(handed.get(i)))))
                    .isEqualTo(MessageCodec.encode(new Message.Blocks(List.of(decoded.get(i)))));
        }
        assertThat(decoded.get(0)).isSameAs(handed.get(0));
    }

    @Test
    void oneForwardersShardSentToManyIsOneCopy() {
        ShardedPayload sharded = ShardedPayload.encode(ReedSolomonCoder.forCommittee(10), block.transactions().bytes());
        interner.intern(block);

        // a forwarder holds its shard once and wraps it anew for each peer
        ProvenShard forwardersShard = sharded.provenShard(3);
        Block toOnePeer = interner.intern(block.withPayload(new ShardPayload(forwardersShard)));
        Block toAnother = interner.intern(block.withPayload(new ShardPayload(forwardersShard)));
        Block otherForwarder = interner.intern(block.withPayload(new ShardPayload(sharded.provenShard(4))));

        assertThat(toAnother).isSameAs(toOnePeer);
        assertThat(otherForwarder).isNotSameAs(toOnePeer);
        assertThat(otherForwarder.parents()).isSameAs(toOnePeer.parents());
    }

    @Test
    void aMalformedFrameIsMalformedForEveryReceiver() {
        ByteBuffer frame = ByteBuffer.allocate(5).putInt(1).put((byte) 42).flip();
        SharedFrame shared = SharedFrame.decode(frame, interner);

        assertThat(shared.bodyLength()).isEqualTo(1);
        assertThatThrownBy(shared::message).isInstanceOf(MalformedException.class).hasMessageContaining("tag 42");
        assertThatThrownBy(shared::message).isInstanceOf(MalformedException.class);
    }

    @Test
    void theOldestBlocksAreForgottenBeyondTheCapacity() throws MalformedException {
        BlockInterner small = new BlockInterner(1);
        Block first = small.intern(block);
        Block other = new BlockSigner(1, SigningKey.derived(1, 1))
                .sign(1, 1_000, parents, List.of(), transactions(1));
        small.intern(other);

        Block again = small.intern(block.withPayload(block.payload()));
        assertThat(again).isNotSameAs(first);
        assertThat(again.transactions()).isEqualTo(first.transactions());
    }
}
