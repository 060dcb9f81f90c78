package starfish.node.core;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
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
import starfish.node.crypto.Digest;
import starfish.node.crypto.Hasher;
import starfish.node.dag.Block;
import starfish.node.dag.Transactions;
import starfish.node.metrics.NodeMetrics;
import starfish.node.runtime.Clock;

/**
 * Records what consensus outputs: decision counts by type, latencies and sequenced transactions, and the
 * committed.log line per committed leader with a running digest over the whole sequence (every leader and every
 * block digest in linearized order), so that validators' sequences can be compared line by line.
 * After a restart the existing log is kept (a line torn by an abrupt stop is cut off): lines the validator commits
 * again are checked against it, not written twice. A re-committed line that differs from the one on disk is a
 * safety violation: the validator appends `restart-diverged INDEX` and the line it would have written, which the
 * orchestrator's safety check reports, and logs an error. The log stops there (the metrics go on).
 * When the validator skips history it could not fetch, its sequence has a gap: the log says `gap` and goes on with
 * one `leader ROUND AUTHOR DIGEST` line per committed leader, which the safety check compares with the leaders the
 * others committed in the same slots.
 */
final class CommitObserver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CommitObserver.class);
    private static final long FLUSH_INTERVAL_NANOS = 500_000_000L;
    /** The orchestrator's safety check reads this marker (SafetyCheck.RESTART_DIVERGED) as a violation. */
    private static final String RESTART_DIVERGED = "restart-diverged";
    /** The line that starts the leaders-only part of the log (SafetyCheck.GAP). */
    private static final String GAP = "gap";

    private final NodeMetrics metrics;
    private final List<String> previousLines;
    private final FileChannel channel;
    private final BufferedWriter log;
    private boolean logging = true;
    private boolean afterGap;
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
        this.previousLines = Files.exists(file) ? completeLines(file) : List.of();
        if (previousLines.stream().anyMatch(line -> line.startsWith(RESTART_DIVERGED))) {
            LOG.error("{} records that an earlier run re-committed a different sequence: not checking it again", file);
            logging = false;
        }
        afterGap = previousLines.contains(GAP);
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        this.log = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.US_ASCII));
        if (!previousLines.isEmpty()) {
            LOG.info("{} holds {} committed leaders from an earlier run: checking them again before appending",
                    file, previousLines.size());
        }
        metrics.committedSequenceDigest.setLabelValues(HexFormat.of().formatHex(runningDigest));
    }

    /** How many leaders were output, and the running digest after the last. */
    long sequenceLength() {
        return sequenceLength;
    }

    Digest sequenceDigest() {
        return new Digest(runningDigest.clone());
    }

    /**
     * Goes on from a checkpoint: the first `length` leaders were output before it, with this running digest. Lines
     * on disk from there on are checked again as the validator re-commits them.
     */
    void resumeAt(long length, Digest digest) {
        sequenceLength = length;
        runningDigest = digest.bytes().clone();
        metrics.committedSequenceLength.set(sequenceLength);
        metrics.committedSequenceDigest.setLabelValues(HexFormat.of().formatHex(runningDigest));
    }

    /** Every line so far on stable storage: before a checkpoint lets the blocks behind them go. */
    void force() throws IOException {
        log.flush();
        channel.force(false);
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
        if (afterGap) {
            append("leader " + leader.round() + " " + leader.author() + " " + leader.digest().hex());
        } else {
            record(sequenceLength + " " + leader.round() + " " + leader.author() + " " + leader.digest().hex() + " "
                    + digestHex + " " + transactionCount);
        }
        sequenceLength++;
        metrics.committedSequenceLength.set(sequenceLength);
        metrics.committedSequenceDigest.setLabelValues(digestHex);
    }

    /** The validator skipped history it could not fetch: its sequence has a gap, only its leaders compare now. */
    void historyLost() {
        if (logging && !afterGap) {
            LOG.warn("committed.log goes on with leaders only after {} lines: this validator skipped history it"
                    + " could not fetch", Math.max(sequenceLength, previousLines.size()));
            append(GAP);
            afterGap = true;
        }
    }

    private void record(String line) {
        if (!logging) {
            return;
        }
        if (sequenceLength < previousLines.size()) {
            String onDisk = previousLines.get((int) sequenceLength);
            if (!onDisk.equals(line)) {
                LOG.error("safety violation: committed index {} is '{}' now but '{}' in the earlier run's log",
                        sequenceLength, line, onDisk);
                append(RESTART_DIVERGED + " " + sequenceLength + " " + line);
                flush();
                logging = false;
            }
            return;
        }
        append(line);
    }

    private void append(String line) {
        if (!logging) {
            return;
        }
        try {
            log.write(line);
            log.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("writing committed.log failed", e);
        }
    }

    private void flush() {
        try {
            log.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing committed.log failed", e);
        }
    }

    /** The complete lines of an earlier run's log; a last line torn by an abrupt stop is cut off the file. */
    private static List<String> completeLines(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (end < bytes.length) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(end);
            }
            LOG.info("{}: cut off a last line torn by an abrupt stop ({} bytes)", file, bytes.length - end);
        }
        String text = new String(bytes, 0, end, StandardCharsets.US_ASCII);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
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
