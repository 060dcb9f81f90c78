package starfish.node.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import starfish.node.TestKeys;
import starfish.node.config.Authority;
import starfish.node.config.Committee;
import starfish.node.crypto.PublicKey;
import starfish.node.crypto.SigningKey;
import starfish.node.dag.Block;
import starfish.node.dag.BlockSigner;
import starfish.node.dag.BlockVerifier;
import starfish.node.dag.InvalidBlockException;
import starfish.node.dag.MalformedException;
import starfish.node.dag.Transactions;
import starfish.node.metrics.RejectionReason;

class MessageCodecTest {

    private final SigningKey key = TestKeys.of(0);
    private final Committee committee = new Committee(List.of(
            authority(0, key), authority(1, null), authority(2, null), authority(3, null)));
    private final List<Block> genesis = BlockSigner.genesis(committee);

    @Test
    void blocksSurviveTheRoundTripWithTheirDigestAndPayload() throws Exception {
        Block block = signedBlock(transactions(3, 512));

        Message decoded = MessageCodec.decode(body(new Message.Blocks(List.of(block))));

        Block copy = ((Message.Blocks) decoded).blocks().get(0);
        assertThat(copy.reference()).isEqualTo(block.reference());
        assertThat(copy.parents()).isEqualTo(block.parents());
        assertThat(copy.transactions().count()).isEqualTo(3);
        assertThat(copy.transactions().data()).isEqualTo(block.transactions().data());
        new BlockVerifier(committee).verify(copy);
    }

    @Test
    void rejectsTruncatedTrailingAndUnknownInput() {
        byte[] body = body(new Message.Blocks(List.of(signedBlock(transactions(2, 64)))));

        assertThatThrownBy(() -> MessageCodec.decode(Arrays.copyOf(body, body.length - 1)))
                .isInstanceOf(MalformedException.class);
        assertThatThrownBy(() -> MessageCodec.decode(Arrays.copyOf(body, body.length + 1)))
                .isInstanceOf(MalformedException.class).hasMessageContaining("trailing");
        assertThatThrownBy(() -> MessageCodec.decode(new byte[] {42})).isInstanceOf(MalformedException.class)
                .hasMessageContaining("unknown message tag 42");
        assertThatThrownBy(() -> MessageCodec.decode(new byte[0])).isInstanceOf(MalformedException.class);
        byte[] negativeIndex = ByteBuffer.allocate(9).put(MessageCodec.CATCH_UP_REQUEST).putLong(-1).array();
        assertThatThrownBy(() -> MessageCodec.decode(negativeIndex)).isInstanceOf(MalformedException.class)
                .hasMessageContaining("negative catch-up index");
        byte[] hugeCount = ByteBuffer.allocate(5).put(MessageCodec.REQUEST).putInt(Integer.MAX_VALUE).array();
        assertThatThrownBy(() -> MessageCodec.decode(hugeCount)).isInstanceOf(MalformedException.class)
                .hasMessageContaining("out of range");
    }

    @Test
    void theVerifierRejectsTamperedSignaturesAndPayloads() throws Exception {
        Block block = signedBlock(transactions(2, 64));
        byte[] bad = block.signature().clone();
        bad[10] ^= 4;
        Block badSignature = new Block(block.reference(), block.creationTimeMs(), block.parents(),
                block.acknowledgements(), block.payloadCommitment(), bad, block.payload());
        Block otherPayload = new Block(block.reference(), block.creationTimeMs(), block.parents(),
                block.acknowledgements(), block.payloadCommitment(), block.signature(), transactions(3, 64));
        Block tooFewParents = new BlockSigner(0, key).sign(1, 1, List.of(genesis.get(0).reference(),
                genesis.get(1).reference()), List.of(), Transactions.EMPTY);
        BlockVerifier verifier = new BlockVerifier(committee);
        verifier.verify(block); // its signature is now known: a copy with another signature must still fail

        assertThatThrownBy(() -> verifier.verify(badSignature)).isInstanceOfSatisfying(InvalidBlockException.class,
                e -> assertThat(e.reason()).isEqualTo(RejectionReason.BAD_SIGNATURE));
        assertThatThrownBy(() -> verifier.verify(otherPayload)).isInstanceOfSatisfying(InvalidBlockException.class,
                e -> assertThat(e.reason()).isEqualTo(RejectionReason.BAD_PAYLOAD));
        assertThatThrownBy(() -> verifier.verify(tooFewParents)).isInstanceOfSatisfying(InvalidBlockException.class,
                e -> assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_BLOCK));
    }

    @Test
    void framesCarryTheirBodyLength() {
        ByteBuffer frame = MessageCodec.encode(new Message.Hello(7, new byte[LinkHandshake.NONCE_LENGTH]));

        assertThat(frame.getInt(0)).isEqualTo(frame.remaining() - 4);
    }

    @Test
    void handshakeFramesRoundTripWithinTheirTinyCap() throws Exception {
        byte[] nonce = new byte[LinkHandshake.NONCE_LENGTH];
        nonce[3] = 9;
        byte[] signature = new byte[PublicKey.SIGNATURE_LENGTH];
        signature[63] = 1;
        for (Message message : List.of(new Message.Hello(2, nonce), new Message.Challenge(3, nonce, signature),
                new Message.Proof(signature))) {
            ByteBuffer frame = MessageCodec.encode(message);
            assertThat(frame.remaining() - 4).as(message.getClass().getSimpleName())
                    .isLessThanOrEqualTo(LinkHandshake.MAX_FRAME_BYTES);
            byte[] body = new byte[frame.remaining() - 4];
            frame.position(4).get(body);
            assertThat(MessageCodec.decode(body)).usingRecursiveComparison().isEqualTo(message);
        }
    }

    private Block signedBlock(Transactions transactions) {
        return new BlockSigner(0, key).sign(1, 1_000, genesis.stream().map(Block::reference).toList(), List.of(),
                transactions);
    }

    private static Transactions transactions(int count, int size) {
        ByteBuffer data = ByteBuffer.allocate(count * (4 + size));
        for (int i = 0; i < count; i++) {
            data.putInt(size).putLong(i);
            data.position(data.position() + size - 8);
        }
        return new Transactions(data.flip(), count);
    }

    private static byte[] body(Message message) {
        ByteBuffer frame = MessageCodec.encode(message);
        byte[] body = new byte[frame.remaining() - 4];
        frame.position(4).get(body);
        return body;
    }

    private static Authority authority(int index, SigningKey key) {
        SigningKey k = key != null ? key : TestKeys.of(index);
        return new Authority(index, 1, k.publicKey(), "127.0.0.1", 0, 0);
    }
}
