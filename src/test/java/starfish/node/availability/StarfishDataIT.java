package starfish.node.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.DataOutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.node.LocalCluster;
import starfish.node.crypto.Digest;
import starfish.node.dag.Block;
import starfish.node.dag.BlockSigner;
import starfish.node.dag.ShardPayload;
import starfish.node.dag.Transactions;
import starfish.node.data.ReedSolomonCoder;
import starfish.node.data.ShardedPayload;
import starfish.node.metrics.RejectionReason;
import starfish.node.net.Message;
import starfish.node.net.MessageCodec;
import starfish.node.net.PeerLink;
import starfish.protocol.Consensus;

/** The Starfish data path between real validators on loopback. */
class StarfishDataIT {

    @TempDir
    Path directory;

    /**
     * Validator 3 starts late: the history it fetches arrives in forwarding form, other authors' blocks carrying
     * only the sender's shard, so it must rebuild or pull the data before it can sequence the early leaders; its
     * log, transaction counts included, must still match the others' from the first line.
     */
    @Test
    void aValidatorThatReceivedOnlyShardsPullsTheDataAndSequencesTheSameTransactions() throws Exception {
        try (LocalCluster cluster = new LocalCluster(4, directory).withConsensus(Consensus.STARFISH)
                .withParameters(LocalCluster.withoutStartupWait()).start(100, 0, 1, 2)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> cluster.metric(0, "committed_sequence_length") >= 10
                    && cluster.metric(0, "sequenced_transactions") > 0);
            cluster.start(100, 3);
            double joinedAt = cluster.metric(0, "committed_sequence_length");
            await().atMost(Duration.ofSeconds(40)).until(() ->
                    cluster.metric(3, "committed_sequence_length") >= joinedAt + 5);
            assertThat(cluster.metric(3, "rejected_messages")).isZero();
        }
        List<String> early = log(0).subList(0, 10);
        assertThat(early.stream().mapToLong(line -> Long.parseLong(line.split(" ")[5])).sum())
                .as("transactions sequenced before validator 3 started").isPositive();
        assertThat(log(3).subList(0, 10)).isEqualTo(early);
    }

    /** Full data that does not encode to the signed root, and a shard outside it, are dropped and counted. */
    @Test
    void dataThatDoesNotMatchItsMerkleRootIsRejectedAndCounted() throws Exception {
        try (LocalCluster cluster = new LocalCluster(5, directory).withConsensus(Consensus.STARFISH)
                .withParameters(LocalCluster.withoutStartupWait()).start(100, 1, 2, 3, 4)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> cluster.metric(1, "committed_sequence_length") >= 3);
            ReedSolomonCoder coder = ReedSolomonCoder.forCommittee(5);
            Transactions promised = transactions(1);
            Transactions delivered = transactions(2);
            ShardedPayload encoded = ShardedPayload.encode(coder, promised.bytes());
            Block signed = new BlockSigner(0, cluster.keys.get(0)).sign(1, System.currentTimeMillis(),
                    BlockSigner.genesis(cluster.committee).stream().map(Block::reference).toList(), List.of(),
                    promised, new Digest(encoded.root()));
            ShardedPayload other = ShardedPayload.encode(coder, delivered.bytes());

            try (Socket socket = PeerLink.open(cluster.committee, 0, cluster.keys.get(0), 1)) {
                DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                out.write(frame(new Message.Blocks(List.of(signed.withPayload(delivered)))));
                out.write(frame(new Message.Blocks(List.of(signed.withPayload(new ShardPayload(other.provenShard(2)))))));
                out.flush();
                await().atMost(Duration.ofSeconds(10)).until(() ->
                        cluster.metric(1, "rejected_messages", "reason", RejectionReason.MERKLE_MISMATCH.label()) == 1
                                && cluster.metric(1, "rejected_messages", "reason", RejectionReason.BAD_SHARD.label()) == 1);
            }
            double before = cluster.metric(1, "committed_sequence_length");
            await().atMost(Duration.ofSeconds(30)).until(() -> cluster.metric(1, "committed_sequence_length") >= before + 5);
        }
    }

    private static Transactions transactions(int marker) {
        ByteBuffer data = ByteBuffer.allocate(4 + 16);
        data.putInt(16).putLong(System.currentTimeMillis()).putLong(marker).flip();
        return new Transactions(data, 1);
    }

    private List<String> log(int authority) throws Exception {
        return Files.readAllLines(directory.resolve("storage-" + authority).resolve("committed.log"));
    }


    private static byte[] frame(Message message) {
        ByteBuffer frame = MessageCodec.encode(message);
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        return bytes;
    }
}
