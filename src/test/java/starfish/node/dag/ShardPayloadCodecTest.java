package starfish.node.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import starfish.node.TestKeys;
import starfish.node.crypto.Digest;
import starfish.node.crypto.SigningKey;
import starfish.node.data.ReedSolomonCoder;
import starfish.node.data.ShardedPayload;

class ShardPayloadCodecTest {

    private final ShardedPayload encoded = ShardedPayload.encode(ReedSolomonCoder.forCommittee(4), new byte[100]);
    private final Block block = new BlockSigner(0, TestKeys.of(0)).sign(1, 5,
            List.of(new BlockReference(0, 0, Digest.ZERO)), List.of(new BlockReference(2, 0, Digest.ZERO)),
            Transactions.EMPTY, new Digest(encoded.root()));

    @Test
    void aForwardedShardAndAnEmptyForwardRoundTripWithTheHeaderUnchanged() throws Exception {
        for (ShardPayload payload : List.of(new ShardPayload(encoded.provenShard(2)), ShardPayload.NONE)) {
            Block decoded = roundTrip(block.withPayload(payload));
            assertThat(decoded.reference()).isEqualTo(block.reference());
            assertThat(decoded.acknowledgements()).isEqualTo(block.acknowledgements());
            assertThat(decoded.payload()).isEqualTo(payload);
        }
    }

    @Test
    void bytesThatAreNoProvenShardAreMalformed() {
        ByteBuffer wire = encode(block.withPayload(new Transactions(ByteBuffer.wrap(new byte[] {0, 9, 0, 0, 0, 3, 1}), 1)));
        int kindOffset = BlockCodec.headerLength(1, 1) + starfish.node.crypto.PublicKey.SIGNATURE_LENGTH;
        wire.put(kindOffset, ShardPayload.KIND); // shard 9 claims 3 bytes, one remains

        assertThatThrownBy(() -> BlockCodec.decode(wire)).isInstanceOf(MalformedException.class)
                .hasMessageContaining("bad shard");
    }

    private static Block roundTrip(Block block) throws MalformedException {
        return BlockCodec.decode(encode(block));
    }

    private static ByteBuffer encode(Block block) {
        ByteBuffer out = ByteBuffer.allocate(BlockCodec.encodedLength(block));
        BlockCodec.encode(block, out);
        return out.flip();
    }
}
