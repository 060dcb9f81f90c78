package starfish.node.core;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import starfish.node.availability.DataPath;
import starfish.node.availability.SequencingState;
import starfish.node.consensus.Linearizer;
import starfish.node.dag.BlockLog;
import starfish.node.dag.StorageFailure;

/**
 * Takes commit checkpoints: every {@link #OFFER_EVERY} leaders one is kept in memory for peers that catch up (while
 * this validator still holds the blocks above its floor), and on disk when that frees log segments or a GC window
 * of rounds after the last one saved.
 * <p>
 * The disk part bounds the write-ahead log by the garbage-collection window. Once a sealed segment of the log lies wholly below
 * the last committed leader's round minus gcDepth, it saves a {@link CommitCheckpoint} there (after forcing
 * committed.log, whose lines it vouches for) and deletes the segments below the checkpoint's floor: a restart then
 * resumes from the checkpoint with the blocks still logged. Saving one at least every gcDepth rounds keeps what a
 * restart reads back and commits again to about two windows, however large a segment is (at 1,000 tx/s one 32 MiB
 * segment held 6,000 rounds, all of them re-committed after a restart). A checkpoint waits while a leader waits
 * for its data, since that queue is not part of it.
 */
final class Checkpointer {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);
    /** Sequence indices that are multiples of this are checkpointed for peers: the same on every honest validator. */
    static final int OFFER_EVERY = 5;
    /** The most committed.log lines one catch-up offer carries (about 150 bytes each). */
    static final int MAX_OFFER_LINES = 20_000;

    private final BlockLog blockLog;
    private final CheckpointFile file;
    private final Linearizer linearizer;
    private final DataPath dataPath;
    private final CommitObserver observer;
    private final int gcDepth;
    /** Recent checkpoints, oldest first, no older than {@link #offerRounds} rounds below the last commit. */
    private final Deque<CommitCheckpoint> offered = new ArrayDeque<>();
    private final long offerRounds;
    /** The leader round of the last checkpoint this run saved to disk. */
    private long savedRound;

    Checkpointer(BlockLog blockLog, CheckpointFile file, Linearizer linearizer,
            DataPath dataPath, CommitObserver observer, int gcDepth) {
        this.blockLog = blockLog;
        this.file = file;
        this.linearizer = linearizer;
        this.dataPath = dataPath;
        this.observer = observer;
        this.gcDepth = gcDepth;
        this.offerRounds = gcDepth / 4;
    }

    /** After the leader of `leaderRound` was linearized and output: checkpoints when that frees log segments. */
    void committed(long leaderRound) {
        while (!offered.isEmpty() && offered.peek().leaderRound() < leaderRound - offerRounds) {
            offered.poll();
        }
        boolean toOffer = observer.sequenceLength() % OFFER_EVERY == 0;
        boolean toDisk = blockLog.hasSegmentsBelow(leaderRound - gcDepth) || leaderRound - savedRound >= gcDepth;
        if (!toOffer && !toDisk) {
            return;
        }
        Optional<SequencingState> sequencing = dataPath.snapshot();
        if (sequencing.isEmpty()) {
            return;
        }
        CommitCheckpoint checkpoint = current(leaderRound, sequencing.get());
        if (toOffer) {
            offered.add(checkpoint);
        }
        if (toDisk) {
            saveAndDeleteBelow(checkpoint);
        }
    }

    /**
     * What this validator offers a peer whose sequence stands at `fromIndex`: its committed.log lines from there and
     * its recent checkpoints within their reach. Empty when its own log cannot vouch for those lines.
     */
    Optional<CatchUpOffer> offerFrom(long fromIndex) {
        if (offered.isEmpty() || offered.peekLast().sequenceLength() <= fromIndex) {
            return Optional.empty();
        }
        long upTo = Math.min(offered.peekLast().sequenceLength(), fromIndex + MAX_OFFER_LINES);
        return observer.linesBetween(fromIndex, upTo).map(lines -> new CatchUpOffer(fromIndex, lines,
                offered.stream().filter(c -> c.sequenceLength() > fromIndex && c.sequenceLength() <= upTo).toList()));
    }

    private void saveAndDeleteBelow(CommitCheckpoint checkpoint) {
        long leaderRound = checkpoint.leaderRound();
        try {
            observer.force();
            file.write(checkpoint);
        } catch (IOException e) {
            throw new StorageFailure("cannot save the commit checkpoint (" + e + ")", e);
        }
        savedRound = leaderRound;
        int deleted = blockLog.deleteSegmentsBelow(checkpoint.floor(gcDepth));
        LOG.debug("checkpoint at leader {} (round {}): deleted {} log segments below round {}",
                checkpoint.sequenceLength(), leaderRound, deleted, checkpoint.floor(gcDepth));
    }

    private CommitCheckpoint current(long leaderRound, SequencingState sequencing) {
        return new CommitCheckpoint(observer.sequenceLength(), observer.sequenceDigest(),
                leaderRound, linearizer.output(), sequencing);
    }
}
