package starfish.node.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.node.LocalCluster;
import starfish.node.config.NodeParameters;
import starfish.node.dag.Block;
import starfish.node.dag.BlockSigner;
import starfish.node.dag.Transactions;

/**
 * A peer that sends garbage: validator 0 of five never starts; the test speaks for it over raw TCP to validator 1
 * while 1..4 keep committing (four of five are a quorum).
 */
class MalformedInputIT {

    @TempDir
    Path directory;

    @Test
    void badFramesAndBlocksAreDroppedAndCountedWhileTheNodeKeepsCommitting() throws Exception {
        try (LocalCluster cluster = new LocalCluster(5, directory).withParameters(LocalCluster.withoutStartupWait()).start(100, 1, 2, 3, 4)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> cluster.metric(1, "committed_sequence_length") >= 5);
            int port = cluster.committee.authority(1).consensusPort();

            try (Socket socket = PeerLink.open(cluster.committee, 0, cluster.keys.get(0), 1)) {
                DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                writeFrame(out, new byte[] {99, 1, 2, 3});                   // unknown tag
                writeFrame(out, new byte[] {MessageCodec.BLOCKS, 0, 0, 0, 1, 7}); // truncated block
                out.write(frameBytes(new Message.Blocks(List.of(badlySigned(cluster)))));
                out.write(frameBytes(new Message.Proof(new byte[64])));        // handshake frame after the handshake
                out.flush();
                await().atMost(Duration.ofSeconds(10)).until(() ->
                        cluster.metric(1, "rejected_messages", "reason", "malformed") >= 2
                                && cluster.metric(1, "rejected_messages", "reason", "bad-signature") >= 1
                                && cluster.metric(1, "rejected_messages", "reason", "unexpected-message") >= 1);
                out.writeInt(NodeParameters.DEFAULTS.maxFrameBytes() + 1);     // corrupt stream: closed
                out.flush();
                assertThat(closedByPeer(socket)).as("the validator closes a corrupt stream").isTrue();
            }
            assertThat(cluster.metric(1, "rejected_messages", "reason", "oversized")).isEqualTo(1);

            try (Socket socket = PeerLink.open(cluster.committee, 0, cluster.keys.get(0), 1)) {
                DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                out.writeInt(1_000);
                out.write(new byte[10]);                                     // the stream ends mid-frame
                out.flush();
            }
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.getOutputStream().write(frameBytes(new Message.Hello(4, new byte[32]))); // only lower indices dial
            }
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    cluster.metric(1, "rejected_messages", "reason", "truncated") == 1
                            && cluster.metric(1, "rejected_messages", "reason", "handshake") == 1);

            double before = cluster.metric(1, "committed_sequence_length");
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    cluster.metric(1, "committed_sequence_length") >= before + 10);
        }
    }


    /** A well-formed round-1 block of authority 0 whose signature has one bit flipped. */
    private static Block badlySigned(LocalCluster cluster) {
        List<Block> genesis = BlockSigner.genesis(cluster.committee);
        Block block = new BlockSigner(0, cluster.keys.get(0)).sign(1, System.currentTimeMillis(),
                genesis.stream().map(Block::reference).toList(), List.of(), Transactions.EMPTY);
        byte[] signature = block.signature().clone();
        signature[0] ^= 1;
        return new Block(block.reference(), block.creationTimeMs(), block.parents(), block.acknowledgements(),
                block.payloadCommitment(), signature, block.payload());
    }

    /** Drains what the validator sent (its blocks) until the end of stream or a reset; false on a timeout. */
    private static boolean closedByPeer(Socket socket) throws Exception {
        socket.setSoTimeout(10_000);
        try {
            socket.getInputStream().readAllBytes();
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }

    private static byte[] frameBytes(Message message) {
        ByteBuffer frame = MessageCodec.encode(message);
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        return bytes;
    }

    private static void writeFrame(DataOutputStream out, byte[] body) throws Exception {
        out.writeInt(body.length);
        out.write(body);
    }
}
