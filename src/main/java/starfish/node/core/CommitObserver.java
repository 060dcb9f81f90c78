package starfish.node.core;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import starfish.node.consensus.CommitType;
import starfish.node.consensus.CommittedSubDag;
import starfish.node.consensus.Decision;
import starfish.node.dag.Block;
import starfish.node.dag.Transactions;
import starfish.node.metrics.NodeMetrics;

/**
 * Records what consensus outputs: decision counts by type, latencies and sequenced transactions, and the
 * committed.log line per committed leader with a running digest over the whole sequence (every leader and every
 * block digest in linearized order), so that validators' sequences can be compared by one value.
 */
final class CommitObserver implements AutoCloseable {

    private static final long FLUSH_INTERVAL_NANOS = 500_000_000L;

    private final NodeMetrics metrics;
    private final BufferedWriter log;
    private byte[] runningDigest = new byte[32];
    private long sequenceLength;
    private long lastFlushNanos = System.nanoTime();

    CommitObserver(Path storagePath, NodeMetrics metrics) throws IOException {
        this.metrics = metrics;
        Files.createDirectories(storagePath);
        this.log = Files.newBufferedWriter(storagePath.resolve("committed.log"), StandardCharsets.US_ASCII,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        metrics.committedSequenceDigest.setLabelValues(HexFormat.of().formatHex(runningDigest));
    }

    void decided(Decision decision) {
        CommitType type = decision instanceof Decision.Commit c ? c.type() : ((Decision.Skip) decision).type();
        metrics.committedLeaders.labelValues(Integer.toString(decision.slot().authority()), type.label()).inc();
    }

    void committed(CommittedSubDag subDag) {
        long nowMs = System.currentTimeMillis();
        MessageDigest sequence = starfish.node.crypto.Hasher.newSha256();
        sequence.update(runningDigest);
        sequence.update(subDag.leader().digest().bytes());
        long transactionCount = 0;
        for (Block block : subDag.blocks()) {
            sequence.update(block.digest().bytes());
            metrics.blockLatency.observe(Math.max(0, nowMs - block.creationTimeMs()) / 1000.0);
            Transactions transactions = block.transactions();
            transactionCount += transactions.count();
            transactions.forEachTimestamp(ts -> metrics.transactionLatency.observe(Math.max(0, nowMs - ts) / 1000.0));
        }
        runningDigest = sequence.digest();
        metrics.sequencedTransactions.inc(transactionCount);
        String digestHex = HexFormat.of().formatHex(runningDigest);
        Block leader = subDag.leader();
        try {
            log.write(sequenceLength + " " + leader.round() + " " + leader.author() + " " + leader.digest().hex() + " "
                    + digestHex + " " + transactionCount + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("writing committed.log failed", e);
        }
        sequenceLength++;
        metrics.committedSequenceLength.set(sequenceLength);
        metrics.committedSequenceDigest.setLabelValues(digestHex);
    }

    void flushIfDue(long nowNanos) throws IOException {
        if (nowNanos - lastFlushNanos >= FLUSH_INTERVAL_NANOS) {
            log.flush();
            lastFlushNanos = nowNanos;
        }
    }

    @Override
    public void close() throws IOException {
        log.close();
    }
}
