package starfish.node.core;

import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import starfish.node.availability.DataPath;
import starfish.node.availability.SequencingState;
import starfish.node.consensus.Committer;
import starfish.node.consensus.Linearizer;
import starfish.node.dag.BlockLog;
import starfish.node.dag.StorageFailure;

/**
 * Bounds the write-ahead log by the garbage-collection window. Once a sealed segment of the log lies wholly below
 * the last committed leader's round minus gcDepth, it saves a {@link CommitCheckpoint} there (after forcing
 * committed.log, whose lines it vouches for) and deletes the segments below the checkpoint's floor: a restart then
 * resumes from the checkpoint with the blocks still logged. A checkpoint waits while a leader waits for its data,
 * since that queue is not part of it.
 */
final class Checkpointer {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

    private final BlockLog blockLog;
    private final CheckpointFile file;
    private final Committer committer;
    private final Linearizer linearizer;
    private final DataPath dataPath;
    private final CommitObserver observer;
    private final int gcDepth;

    Checkpointer(BlockLog blockLog, CheckpointFile file, Committer committer, Linearizer linearizer,
            DataPath dataPath, CommitObserver observer, int gcDepth) {
        this.blockLog = blockLog;
        this.file = file;
        this.committer = committer;
        this.linearizer = linearizer;
        this.dataPath = dataPath;
        this.observer = observer;
        this.gcDepth = gcDepth;
    }

    /** After the leader of `leaderRound` was linearized and output: checkpoints when that frees log segments. */
    void committed(long leaderRound) {
        if (!blockLog.hasSegmentsBelow(leaderRound - gcDepth)) {
            return;
        }
        Optional<SequencingState> sequencing = dataPath.snapshot();
        if (sequencing.isEmpty()) {
            return;
        }
        CommitCheckpoint checkpoint = current(leaderRound, sequencing.get());
        try {
            observer.force();
            file.write(checkpoint);
        } catch (IOException e) {
            throw new StorageFailure("cannot save the commit checkpoint (" + e + ")", e);
        }
        int deleted = blockLog.deleteSegmentsBelow(checkpoint.floor(gcDepth));
        LOG.debug("checkpoint at leader {} (round {}): deleted {} log segments below round {}",
                checkpoint.sequenceLength(), leaderRound, deleted, checkpoint.floor(gcDepth));
    }

    private CommitCheckpoint current(long leaderRound, SequencingState sequencing) {
        return new CommitCheckpoint(observer.sequenceLength(), observer.sequenceDigest(),
                committer.lastDecidedRound(), leaderRound, linearizer.output(), sequencing);
    }
}
