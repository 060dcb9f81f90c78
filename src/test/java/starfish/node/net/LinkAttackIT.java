package starfish.node.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.node.LocalCluster;

/**
 * Attacks on the links of a live committee of four over real TCP: an impostor claiming to be validator 1 towards
 * validator 2, and many sockets that announce huge frames and trickle them.
 */
class LinkAttackIT {

    private static final int IMPOSTORS = 50;
    private static final int TRICKLERS = 64;

    @TempDir
    Path directory;

    @Test
    void aSocketClaimingToBeValidatorOneDoesNotCutItsLinkToValidatorTwo() throws Exception {
        try (LocalCluster cluster = new LocalCluster(4, directory).start(100, 0, 1, 2, 3)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> cluster.metric(2, "committed_sequence_length") >= 5);
            double linksOf1 = cluster.metric(1, "validator_links_established");
            double linksOf2 = cluster.metric(2, "validator_links_established");
            double committedBefore = cluster.metric(2, "committed_sequence_length");
            SecureRandom random = new SecureRandom();

            for (int attempt = 0; attempt < IMPOSTORS; attempt++) {
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(),
                        cluster.committee.authority(2).consensusPort())) {
                    socket.setSoTimeout(10_000);
                    DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                    out.write(frame(new Message.Hello(1, nonce(random))));
                    out.flush();
                    Message challenge = readFrame(new DataInputStream(socket.getInputStream()));
                    assertThat(challenge).isInstanceOf(Message.Challenge.class);
                    byte[] forged = new byte[64];
                    random.nextBytes(forged);
                    out.write(frame(new Message.Proof(forged)));
                    out.flush();
                    assertThat(socket.getInputStream().read()).as("the impostor receives nothing and is closed")
                            .isEqualTo(-1);
                }
            }

            assertThat(cluster.metric(2, "rejected_messages", "reason", "handshake")).isEqualTo(IMPOSTORS);
            assertThat(cluster.metric(2, "validator_links_established")).as("links of validator 2").isEqualTo(linksOf2);
            assertThat(cluster.metric(1, "validator_links_established")).as("links of validator 1").isEqualTo(linksOf1);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    cluster.metric(2, "committed_sequence_length") >= committedBefore + 10);
        }
    }

    @Test
    void socketsTricklingHugeFramesLeaveTheValidatorUpWithBoundedHeapAndThreads() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (LocalCluster cluster = new LocalCluster(4, directory).start(100, 0, 1, 2, 3)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> cluster.metric(2, "committed_sequence_length") >= 5);
            int threadsBefore = threads.getThreadCount();
            long heapBefore = usedHeapAfterGc(memory);
            double committedBefore = cluster.metric(2, "committed_sequence_length");
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < TRICKLERS; i++) {
                    Socket socket = new Socket(InetAddress.getLoopbackAddress(),
                            cluster.committee.authority(2).consensusPort());
                    sockets.add(socket);
                    DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                    if (i % 2 == 0) {
                        out.writeInt(32 * 1024 * 1024); // a 32 MiB first frame, of which one byte comes
                        out.write(MessageCodec.HELLO);
                    } else {
                        out.writeInt(37);               // a plausible Hello, whose bytes never all come
                        out.write(MessageCodec.HELLO);
                    }
                    out.flush();
                }
                int peakThreads = threads.getThreadCount();
                long peakHeap = usedHeapAfterGc(memory);

                assertThat(peakThreads - threadsBefore).as("threads added by %d sockets", TRICKLERS)
                        .isLessThanOrEqualTo(Network.MIN_PENDING_HANDSHAKES + 2);
                assertThat(peakHeap - heapBefore).as("heap added by %d sockets", TRICKLERS)
                        .isLessThan(64L * 1024 * 1024);
                await().atMost(Network.HANDSHAKE_DEADLINE.plusSeconds(5)).until(() ->
                        sockets.stream().allMatch(LinkAttackIT::closedByPeer));
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
            assertThat(cluster.metric(2, "rejected_messages", "reason", "pending-handshakes"))
                    .as("sockets refused while the pending slots were taken").isPositive();
            assertThat(cluster.metric(2, "rejected_messages", "reason", "handshake")).isPositive();
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    cluster.metric(2, "committed_sequence_length") >= committedBefore + 10);
        }
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** True once the validator closed this socket (end of stream or reset); false while it is still open. */
    private static boolean closedByPeer(Socket socket) {
        try {
            socket.setSoTimeout(1);
            return socket.getInputStream().read() == -1;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static byte[] nonce(SecureRandom random) {
        byte[] nonce = new byte[LinkHandshake.NONCE_LENGTH];
        random.nextBytes(nonce);
        return nonce;
    }

    private static byte[] frame(Message message) {
        ByteBuffer frame = MessageCodec.encode(message);
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        return bytes;
    }

    private static Message readFrame(DataInputStream in) throws Exception {
        byte[] body = new byte[in.readInt()];
        in.readFully(body);
        return MessageCodec.decode(body);
    }
}
