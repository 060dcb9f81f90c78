package starfish.node.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import starfish.node.LocalCluster;
import starfish.node.crypto.Digest;
import starfish.node.dag.Block;
import starfish.node.dag.BlockReference;
import starfish.node.dag.BlockSigner;
import starfish.node.dag.Transactions;
import starfish.node.net.Message;
import starfish.node.net.MessageCodec;
import starfish.node.net.PeerLink;

/**
 * Validator 0's key in the test's hands: it floods validators 1..3 with far-future blocks and with equivocations
 * near the current round, all naming invented parents. The honest validators must keep their suspended and
 * missing sets and their heap bounded, commit the same sequence, and sequence at least 80% of what they
 * sequence without the flood (at a load they keep up with, so both figures are the offered load when all is well).
 */
class ByzantineFloodIT {

    private static final Logger LOG = LoggerFactory.getLogger(ByzantineFloodIT.class);
    private static final Duration BASELINE = Duration.ofSeconds(10);
    private static final Duration FLOOD = Duration.ofMinutes(1);
    private static final int BLOCKS_PER_MESSAGE = 50;
    /** Per honest validator: about 1,000 signed blocks a second, all of them verified and thrown away or capped. */
    private static final long MESSAGE_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final int LOAD = 300;

    @TempDir
    Path directory;

    @Test
    void aFloodOfFarFutureAndEquivocatingBlocksLeavesHonestValidatorsBoundedLiveAndSafe() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (LocalCluster cluster = new LocalCluster(4, directory).withParameters(LocalCluster.withoutStartupWait())
                .start(LOAD, 1, 2, 3)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> honest().allMatch(i ->
                    cluster.metric(i, "committed_sequence_length") >= 5));
            double baseline = sequencedPerSecond(cluster, BASELINE);
            long heapBefore = usedHeapAfterGc(memory);

            Flood flood = new Flood(cluster);
            List<Thread> attackers = new ArrayList<>();
            for (int target = 1; target <= 3; target++) {
                int to = target;
                Thread attacker = new Thread(() -> flood.run(to), "flood-to-" + target);
                attacker.setDaemon(true);
                attackers.add(attacker);
            }
            double before = cluster.metric(1, "sequenced_transactions");
            long start = System.nanoTime();
            attackers.forEach(Thread::start);
            double maxSuspended = 0;
            double maxMissing = 0;
            while (System.nanoTime() - start < FLOOD.toNanos()) {
                for (int i = 1; i <= 3; i++) {
                    maxSuspended = Math.max(maxSuspended, cluster.metric(i, "suspended_blocks"));
                    maxMissing = Math.max(maxMissing, cluster.metric(i, "missing_blocks"));
                }
                TimeUnit.MILLISECONDS.sleep(200); // sampling pace, not synchronization
            }
            double underFlood = (cluster.metric(1, "sequenced_transactions") - before)
                    / ((System.nanoTime() - start) / 1e9);
            flood.stop();
            for (Thread attacker : attackers) {
                attacker.join(10_000);
            }
            long heapAfter = usedHeapAfterGc(memory);

            LOG.info("flood: {} blocks sent; honest tx/s {} without, {} under the flood; max suspended {}, max missing"
                    + " {}; heap grown {} MiB", flood.sent.get(), Math.round(baseline), Math.round(underFlood),
                    maxSuspended, maxMissing, (heapAfter - heapBefore) >> 20);
            assertThat(flood.sent.get()).as("blocks the flood sent").isGreaterThan(10_000);
            assertThat(cluster.metric(1, "resource_bound_hits", "bound", "round-window")).isPositive();
            assertThat(cluster.metric(1, "resource_bound_hits", "bound", "equivocations-per-author")).isPositive();
            assertThat(maxSuspended).as("suspended blocks at any honest validator")
                    .isLessThanOrEqualTo(1_000 + 200);
            assertThat(maxMissing).as("missing references at any honest validator")
                    .isLessThanOrEqualTo(4_096 + 200);
            assertThat(heapAfter - heapBefore).as("heap grown under the flood").isLessThan(256L * 1024 * 1024);
            assertThat(underFlood).as("tx/s under the flood against %.0f without", baseline)
                    .isGreaterThanOrEqualTo(0.8 * baseline);
        }
        List<String> reference = new ArrayList<>(committedLog(1));
        for (int i = 2; i <= 3; i++) {
            List<String> log = committedLog(i);
            int common = Math.min(reference.size(), log.size());
            assertThat(common).isPositive();
            assertThat(log.subList(0, common)).as("validator %d's sequence", i).isEqualTo(reference.subList(0, common));
        }
    }

    /** Sends validator 0's signed garbage to one honest validator until stopped. */
    private static final class Flood {
        private final LocalCluster cluster;
        private final BlockSigner signer;
        private final AtomicLong sent = new AtomicLong();
        private volatile boolean stopped;

        Flood(LocalCluster cluster) {
            this.cluster = cluster;
            this.signer = new BlockSigner(0, cluster.keys.get(0));
        }

        void run(int target) {
            Random random = new Random(target);
            try (Socket socket = PeerLink.open(cluster.committee, 0, cluster.keys.get(0), target)) {
                drain(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                long next = System.nanoTime();
                for (long message = 0; !stopped; message++) {
                    long round = (long) cluster.metric(target, "committed_sequence_length");
                    List<Block> blocks = new ArrayList<>(BLOCKS_PER_MESSAGE);
                    for (int i = 0; i < BLOCKS_PER_MESSAGE; i++) {
                        // half far in the future, half equivocations within the window above the current round
                        long blockRound = i % 2 == 0 ? 1_000_000 + message * BLOCKS_PER_MESSAGE + i
                                : round + 1 + random.nextInt(40);
                        blocks.add(signer.sign(blockRound, System.currentTimeMillis(), inventedParents(blockRound,
                                random), List.of(), Transactions.EMPTY));
                    }
                    ByteBuffer frame = MessageCodec.encode(new Message.Blocks(blocks));
                    out.write(frame.array(), 0, frame.remaining());
                    out.flush();
                    sent.addAndGet(blocks.size());
                    next += MESSAGE_INTERVAL_NANOS;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait); // the flood's pace
                    }
                }
            } catch (IOException | InterruptedException e) {
                if (!stopped) {
                    throw new IllegalStateException("the flood towards validator " + target + " broke off", e);
                }
            }
        }

        void stop() {
            stopped = true;
        }

        /** Its own previous block and a quorum of the previous round, none of which exists. */
        private static List<BlockReference> inventedParents(long round, Random random) {
            List<BlockReference> parents = new ArrayList<>();
            for (int author = 0; author < 3; author++) {
                byte[] digest = new byte[Digest.LENGTH];
                random.nextBytes(digest);
                parents.add(new BlockReference(author, round - 1, new Digest(digest)));
            }
            return parents;
        }

        /** What the honest validator sends validator 0 is read and discarded, so its sender never stalls. */
        private static void drain(InputStream in) {
            Thread reader = new Thread(() -> {
                try {
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (IOException ignored) {
                    // the link ended
                }
            }, "flood-drain");
            reader.setDaemon(true);
            reader.start();
        }
    }

    private static double sequencedPerSecond(LocalCluster cluster, Duration window) throws InterruptedException {
        double before = cluster.metric(1, "sequenced_transactions");
        long start = System.nanoTime();
        TimeUnit.NANOSECONDS.sleep(window.toNanos()); // a measurement window, not synchronization
        return (cluster.metric(1, "sequenced_transactions") - before) / ((System.nanoTime() - start) / 1e9);
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static IntStream honest() {
        return IntStream.of(1, 2, 3);
    }

    private List<String> committedLog(int authority) throws IOException {
        return java.nio.file.Files.readAllLines(directory.resolve("storage-" + authority).resolve("committed.log"));
    }

}
