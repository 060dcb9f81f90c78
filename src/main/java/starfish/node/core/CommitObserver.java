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
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import starfish.node.consensus.CommitType;
import starfish.node.consensus.CommittedSubDag;
import starfish.node.consensus.Decision;
import starfish.node.crypto.Hasher;
import starfish.node.dag.Block;
import starfish.node.dag.Transactions;
import starfish.node.metrics.NodeMetrics;
import starfish.node.runtime.Clock;

/**
 * Records what consensus outputs: decision counts by type, latencies and sequenced transactions, and the
 * committed.log line per committed leader with a running digest over the whole sequence (every leader and every
 * block digest in linearized order), so that validators' sequences can be compared line by line.
 * After a restart the existing log is kept: lines the validator commits again are checked against it, not written
 * twice. The log stops (the metrics go on) once the validator's sequence can no longer match: when it skipped
 * history it could not fetch, or re-committed a line that differs from the one on disk.
 */
final class CommitObserver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CommitObserver.class);
    private static final long FLUSH_INTERVAL_NANOS = 500_000_000L;

    private final NodeMetrics metrics;
    private final List<String> previousLines;
    private final BufferedWriter log;
    private boolean logging = true;
    private byte[] runningDigest = new byte[32];
    private long sequenceLength;
    private final Clock clock;
    private long lastFlushNanos;

    CommitObserver(Path storagePath, NodeMetrics metrics, Clock clock) throws IOException {
        this.metrics = metrics;
        this.clock = clock;
        this.lastFlushNanos = clock.nanoTime();
        Files.createDirectories(storagePath);
        Path file = storagePath.resolve("committed.log");
        this.previousLines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.US_ASCII) : List.of();
        this.log = Files.newBufferedWriter(file, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        if (!previousLines.isEmpty()) {
            LOG.info("{} holds {} committed leaders from an earlier run: checking them again before appending",
                    file, previousLines.size());
        }
        metrics.committedSequenceDigest.setLabelValues(HexFormat.of().formatHex(runningDigest));
    }

    void decided(Decision decision) {
        CommitType type = decision instanceof Decision.Commit c ? c.type() : ((Decision.Skip) decision).type();
        metrics.committedLeaders.labelValues(Integer.toString(decision.slot().authority()), type.label()).inc();
    }

    void committed(CommittedSubDag subDag) {
        long nowMs = clock.currentTimeMillis();
        MessageDigest sequence = Hasher.newSha256();
        sequence.update(runningDigest);
        sequence.update(subDag.leader().digest().bytes());
        long transactionCount = 0;
        for (Block block : subDag.blocks()) {
            sequence.update(block.digest().bytes());
        }
        for (Block block : subDag.sequenced()) {
            metrics.blockLatency.observe(Math.max(0, nowMs - block.creationTimeMs()) / 1000.0);
            Transactions transactions = block.transactions();
            transactionCount += transactions.count();
            transactions.forEachTimestamp(ts -> metrics.transactionLatency.observe(Math.max(0, nowMs - ts) / 1000.0));
        }
        runningDigest = sequence.digest();
        metrics.sequencedTransactions.inc(transactionCount);
        String digestHex = HexFormat.of().formatHex(runningDigest);
        Block leader = subDag.leader();
        record(sequenceLength + " " + leader.round() + " " + leader.author() + " " + leader.digest().hex() + " "
                + digestHex + " " + transactionCount);
        sequenceLength++;
        metrics.committedSequenceLength.set(sequenceLength);
        metrics.committedSequenceDigest.setLabelValues(digestHex);
    }

    /** The validator skipped history it could not fetch: its sequence has a gap from here on. */
    void historyLost() {
        stopLogging("this validator skipped history it could not fetch");
    }

    private void record(String line) {
        if (!logging) {
            return;
        }
        if (sequenceLength < previousLines.size()) {
            if (!previousLines.get((int) sequenceLength).equals(line)) {
                stopLogging("committed index " + sequenceLength + " differs from the earlier run's line");
            }
            return;
        }
        try {
            log.write(line);
            log.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("writing committed.log failed", e);
        }
    }

    private void stopLogging(String why) {
        if (logging) {
            logging = false;
            LOG.warn("committed.log stops at {} lines: {}", Math.max(sequenceLength, previousLines.size()), why);
        }
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
