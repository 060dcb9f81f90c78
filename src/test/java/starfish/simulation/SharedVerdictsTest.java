package starfish.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import starfish.node.config.Authority;
import starfish.node.config.Committee;
import starfish.node.crypto.Digest;
import starfish.node.crypto.SigningKey;
import starfish.node.dag.Block;
import starfish.node.dag.BlockCheck;
import starfish.node.dag.BlockReference;
import starfish.node.dag.BlockSigner;
import starfish.node.dag.BlockVerifier;
import starfish.node.dag.InvalidBlockException;
import starfish.node.dag.Transactions;
import starfish.node.metrics.RejectionReason;

class SharedVerdictsTest {

    private final Committee committee = new Committee(IntStream.range(0, 4)
            .mapToObj(i -> new Authority(i, 1, SigningKey.derived(1, i).publicKey(), "simulated-" + i, 0, 0))
            .toList());
    private final AtomicInteger checks = new AtomicInteger();
    private final BlockVerifier verifier = new BlockVerifier(committee);
    private final BlockCheck counted = block -> {
        checks.incrementAndGet();
        verifier.verify(block);
    };
    private final SharedVerdicts verdicts = new SharedVerdicts();

    private Block block(int author, long round) {
        List<BlockReference> parents = IntStream.range(0, 4).mapToObj(i -> new BlockReference((author + i) % 4,
                round - 1, new Digest(new byte[Digest.LENGTH]))).toList();
        return new BlockSigner(author, SigningKey.derived(1, author))
                .sign(round, 1_000, parents, List.of(), new Transactions(ByteBuffer.allocate(0), 0));
    }

    @Test
    void aBlockIsCheckedOnceForTheCommittee() throws InvalidBlockException {
        Block block = block(0, 1);
        verdicts.sharing(counted).verify(block);
        verdicts.sharing(counted).verify(block);

        assertThat(checks).hasValue(1);
    }

    @Test
    void aRejectionIsRepeatedToEveryReceiver() {
        Block forged = block(0, 1).withPayload(new Transactions(ByteBuffer.allocate(12).putInt(8).flip(), 1));
        BlockCheck first = verdicts.sharing(counted);
        BlockCheck second = verdicts.sharing(counted);

        assertThatThrownBy(() -> first.verify(forged)).isInstanceOf(InvalidBlockException.class);
        assertThatThrownBy(() -> second.verify(forged)).isInstanceOf(InvalidBlockException.class)
                .extracting(e -> ((InvalidBlockException) e).reason()).isEqualTo(RejectionReason.BAD_PAYLOAD);
        assertThat(checks).hasValue(1);
    }

    /** The verdict belongs to the object every receiver holds: an equal copy from elsewhere is checked anew. */
    @Test
    void anotherObjectIsCheckedAgain() throws InvalidBlockException {
        Block block = block(1, 1);
        verdicts.sharing(counted).verify(block);
        verdicts.sharing(counted).verify(block.withPayload(block.payload()));

        assertThat(checks).hasValue(2);
    }
}
