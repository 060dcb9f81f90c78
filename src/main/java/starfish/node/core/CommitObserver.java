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
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import starfish.node.consensus.CommitType;
import starfish.node.consensus.CommittedSubDag;
import starfish.node.consensus.Decision;
import starfish.node.crypto.Digest;
import starfish.node.crypto.Hasher;
import starfish.node.dag.Block;
import starfish.node.dag.StorageFailure;
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
 * A validator that catches up from its peers adopts the lines they agree on ({@link #adopt}), so its log has no gap.
 */
final class CommitObserver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CommitObserver.class);
    private static final long FLUSH_INTERVAL_NANOS = 500_000_000L;
    /** The orchestrator's safety check reads this marker (SafetyCheck.RESTART_DIVERGED) as a violation. */
    private static final String RESTART_DIVERGED = "restart-diverged";

    private final NodeMetrics metrics;
    private final List<String> previousLines;
    private final Path file;
    private final FileChannel channel;
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
        this.file = storagePath.resolve("committed.log");
        this.previousLines = Files.exists(file) ? completeLines(file) : List.of();
        if (previousLines.stream().anyMatch(line -> line.startsWith(RESTART_DIVERGED))) {
            LOG.error("{} records that an earlier run re-committed a different sequence: not checking it again", file);
            logging = false;
        }
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

    /**
     * The committed.log lines of sequence indices [from, to), read back from the file, for a peer that catches up;
     * empty when this log cannot vouch for them (it records a divergence, or does not reach `to` yet).
     */
    Optional<List<String>> linesBetween(long from, long to) {
        if (!logging || to > sequenceLength) {
            return Optional.empty();
        }
        try {
            log.flush();
            try (Stream<String> lines = Files.lines(file, StandardCharsets.US_ASCII)) {
                List<String> found = lines.skip(from).limit(to - from).toList();
                return found.size() == to - from ? Optional.of(found) : Optional.empty();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading committed.log failed", e);
        }
    }

    /**
     * Appends (or checks against the lines already on disk) lines that validators with more than a third of the
     * stake agree the committed sequence holds from this validator's position on: it catches up without a gap.
     */
    void adopt(List<String> lines) {
        for (String line : lines) {
            record(line);
            sequenceLength++;
        }
        metrics.committedSequenceLength.set(sequenceLength);
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
        record(sequenceLength + " " + leader.round() + " " + leader.author() + " " + leader.digest().hex() + " "
                + digestHex + " " + transactionCount);
        sequenceLength++;
        metrics.committedSequenceLength.set(sequenceLength);
        metrics.committedSequenceDigest.setLabelValues(digestHex);
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
            throw failed(e);
        }
    }

    /** committed.log is what the safety check compares: a validator that cannot write it stops. */
    private StorageFailure failed(IOException e) {
        return new StorageFailure("cannot write " + file + " (" + e + ")", e);
    }

    private void flush() {
        try {
            log.flush();
        } catch (IOException e) {
            throw failed(e);
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

    void flushIfDue(long nowNanos) {
        if (nowNanos - lastFlushNanos >= FLUSH_INTERVAL_NANOS) {
            flush();
            lastFlushNanos = nowNanos;
        }
    }

    @Override
    public void close() throws IOException {
        log.close();
    }
}
