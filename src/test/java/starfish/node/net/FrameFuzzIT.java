package starfish.node.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.node.LocalCluster;
import starfish.node.config.NodeParameters;
import starfish.node.crypto.Digest;
import starfish.node.dag.Block;
import starfish.node.dag.BlockReference;
import starfish.node.dag.BlockSigner;
import starfish.node.dag.Transactions;

/**
 * For three seconds the test, holding the key of validator 0 (which never starts), throws random and malformed
 * frames at validator 1: random bodies, truncated streams, oversized lengths, bad signatures, blocks naming unknown
 * parents, and floods. Validators 1..4 keep committing; validator 1 counts what it rejected.
 */
class FrameFuzzIT {

    private static final Duration FUZZ_TIME = Duration.ofSeconds(3);

    @TempDir
    Path directory;

    @Test
    void aValidatorUnderRandomAndMalformedFramesKeepsCommittingAndCountsTheRejects() throws Exception {
        try (LocalCluster cluster = new LocalCluster(5, directory).withParameters(LocalCluster.withoutStartupWait()).start(100, 1, 2, 3, 4)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> cluster.metric(1, "committed_sequence_length") >= 5);
            double before = cluster.metric(1, "committed_sequence_length");
            int port = cluster.committee.authority(1).consensusPort();
            Fuzzer fuzzer = new Fuzzer(cluster, new Random(42));
            long deadline = System.nanoTime() + FUZZ_TIME.toNanos();
            int connections = 0;
            while (System.nanoTime() < deadline) {
                connections++;
                try (Socket socket = PeerLink.open(cluster.committee, 0, cluster.keys.get(0), 1)) {
                    drain(socket);
                    DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                    fuzzer.session(out, deadline);
                } catch (IOException closedByTheValidator) {
                    // expected after a corrupt stream: dial again
                }
            }
            assertThat(connections).isGreaterThan(1);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    cluster.metric(1, "committed_sequence_length") >= before + 20);
            assertThat(cluster.metric(1, "rejected_messages")).as("rejected frames").isGreaterThan(50);
            assertThat(cluster.metric(1, "rejected_messages", "reason", "malformed")).isPositive();
            assertThat(cluster.metric(1, "rejected_messages", "reason", "bad-signature")).isPositive();
            assertThat(cluster.metric(1, "rejected_messages", "reason", "oversized")).isPositive();
        }
    }

    /** Reads and discards what the validator sends on this connection (its own blocks), so it never blocks. */
    private static void drain(Socket socket) {
        Thread reader = new Thread(() -> {
            try (InputStream in = socket.getInputStream()) {
                in.transferTo(OutputSink.INSTANCE);
            } catch (IOException ignored) {
                // the connection ended
            }
        }, "fuzz-drain");
        reader.setDaemon(true);
        reader.start();
    }

    private static final class OutputSink extends java.io.OutputStream {
        static final OutputSink INSTANCE = new OutputSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }

    /** One connection's worth of abuse; ends the connection itself with a stream error now and then. */
    private static final class Fuzzer {
        private final LocalCluster cluster;
        private final Random random;

        Fuzzer(LocalCluster cluster, Random random) {
            this.cluster = cluster;
            this.random = random;
        }

        void session(DataOutputStream out, long deadline) throws IOException {
            while (System.nanoTime() < deadline) {
                switch (random.nextInt(7)) {
                    case 0 -> writeBody(out, randomBytes(1 + random.nextInt(2_000)));
                    case 1 -> out.write(frame(new Message.Blocks(List.of(badlySigned()))));
                    case 2 -> out.write(frame(new Message.Blocks(List.of(withUnknownParents()))));
                    case 3 -> flood(out);
                    case 4 -> writeBody(out, truncatedBlocksMessage());
                    case 5 -> {
                        out.writeInt(random.nextBoolean() ? -1 - random.nextInt(1000)
                                : NodeParameters.DEFAULTS.maxFrameBytes() + 1 + random.nextInt(1000));
                        out.flush();
                        return; // an oversized length: the validator closes the stream
                    }
                    default -> {
                        out.writeInt(1_000);
                        out.write(randomBytes(10));
                        out.flush();
                        return; // the stream ends inside a frame
                    }
                }
                out.flush();
            }
        }

        private void flood(DataOutputStream out) throws IOException {
            for (int i = 0; i < 200; i++) {
                writeBody(out, randomBytes(1 + random.nextInt(64)));
            }
        }

        private byte[] truncatedBlocksMessage() {
            byte[] block = frame(new Message.Blocks(List.of(badlySigned())));
            int cut = 5 + random.nextInt(block.length - 6);
            byte[] body = new byte[cut - 4];
            System.arraycopy(block, 4, body, 0, body.length);
            return body;
        }

        private Block badlySigned() {
            Block block = signedRoundOne(genesisParents());
            byte[] signature = block.signature().clone();
            signature[random.nextInt(signature.length)] ^= (byte) (1 + random.nextInt(255));
            return new Block(block.reference(), block.creationTimeMs(), block.parents(), block.acknowledgements(),
                    block.payloadCommitment(), signature, block.payload());
        }

        /** Correctly signed by validator 0, but its parents are nowhere: it waits for them and costs a request. */
        private Block withUnknownParents() {
            List<BlockReference> parents = new ArrayList<>();
            long round = 2 + random.nextInt(1_000);
            for (int author = 0; author < 4; author++) {
                parents.add(new BlockReference(author, round - 1, new Digest(randomBytes(Digest.LENGTH))));
            }
            return new BlockSigner(0, cluster.keys.get(0)).sign(round, System.currentTimeMillis(), parents,
                    List.of(), Transactions.EMPTY);
        }

        private Block signedRoundOne(List<BlockReference> parents) {
            return new BlockSigner(0, cluster.keys.get(0)).sign(1, System.currentTimeMillis() + random.nextInt(),
                    parents, List.of(), Transactions.EMPTY);
        }

        private List<BlockReference> genesisParents() {
            return BlockSigner.genesis(cluster.committee).stream().map(Block::reference).toList();
        }

        private byte[] randomBytes(int length) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            return bytes;
        }
    }

    private static void writeBody(DataOutputStream out, byte[] body) throws IOException {
        out.writeInt(body.length);
        out.write(body);
    }

    private static byte[] frame(Message message) {
        ByteBuffer frame = MessageCodec.encode(message);
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        return bytes;
    }
}
