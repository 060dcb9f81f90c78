package starfish.node.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.node.LocalCluster;
import starfish.node.dag.MalformedException;
import starfish.node.net.Message;
import starfish.node.net.MessageCodec;
import starfish.node.net.PeerLink;

/**
 * Validator 0's key in the test's hands: it asks honest validator 1 for catch-up answers again and again, faster than
 * any honest validator asks. Validator 1 answers at first, then only within its per-peer cap, and counts the rest.
 */
class CatchUpAnswerCapIT {

    private static final int REQUESTS = 200;
    /** Answers a peer gets at once; then one a second. */
    private static final int AT_ONCE = 4;

    @TempDir
    Path directory;

    @Test
    void aPeerAskingForCatchUpAgainAndAgainGetsOnlyItsCapOfAnswers() throws Exception {
        try (LocalCluster cluster = new LocalCluster(4, directory).withParameters(LocalCluster.withoutStartupWait())
                .start(300, 1, 2, 3)) {
            // enough committed leaders for validator 1 to hold checkpoints to offer
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    cluster.metric(1, "committed_sequence_length") >= 4 * Checkpointer.OFFER_EVERY);
            AtomicInteger answers = new AtomicInteger();
            try (Socket socket = PeerLink.open(cluster.committee, 0, cluster.keys.get(0), 1)) {
                countCatchUpAnswers(socket, answers);
                OutputStream out = socket.getOutputStream();
                ByteBuffer request = MessageCodec.encode(new Message.CatchUpRequest(0));
                long start = System.nanoTime();
                for (int i = 0; i < REQUESTS; i++) {
                    out.write(request.array(), 0, request.remaining());
                }
                out.flush();

                await().atMost(Duration.ofSeconds(30)).until(() -> answers.get()
                        + cluster.metric(1, "resource_bound_hits", "bound", "catch-up-answers") >= REQUESTS);
                // the cap refills while the requests are handled (well under a second unless the machine is busy)
                long mostAnswers = AT_ONCE + 1 + (System.nanoTime() - start) / 1_000_000_000L;
                assertThat(answers.get()).as("catch-up answers sent for %d requests", REQUESTS)
                        .isPositive().isLessThanOrEqualTo((int) mostAnswers);
                assertThat(cluster.metric(1, "resource_bound_hits", "bound", "catch-up-answers"))
                        .isEqualTo(REQUESTS - answers.get());
                assertThat(cluster.metric(2, "resource_bound_hits", "bound", "catch-up-answers"))
                        .as("a validator that was not asked").isZero();
            }
        }
    }

    /** Reads every frame validator 1 sends on the link and counts its catch-up answers. */
    private static void countCatchUpAnswers(Socket socket, AtomicInteger answers) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        Thread reader = new Thread(() -> {
            try {
                while (true) {
                    byte[] body = new byte[in.readInt()];
                    in.readFully(body);
                    if (MessageCodec.decode(body) instanceof Message.CatchUpResponse) {
                        answers.incrementAndGet();
                    }
                }
            } catch (IOException | MalformedException ended) {
                // the link ended
            }
        }, "catch-up-answers");
        reader.setDaemon(true);
        reader.start();
    }
}
