package starfish.node.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.node.LocalCluster;
import starfish.node.config.NodeParameters;
import starfish.node.dag.BlockLog;

/**
 * With segments far larger than the rounds written (the default 32 MiB at a light load), no segment is ever freed,
 * yet a commit checkpoint is saved at least every GC window of rounds: a restart then reads back and commits again
 * about two windows, not everything since the log began.
 */
class CheckpointCadenceIT {

    private static final int GC_DEPTH = 20;

    @TempDir
    Path directory;

    @Test
    void aCheckpointIsSavedEveryWindowEvenWhenNoSegmentIsFreed() throws Exception {
        NodeParameters parameters = LocalCluster.withoutStartupWait(GC_DEPTH,
                NodeParameters.DEFAULTS.walSegmentBytes());
        CheckpointFile file = new CheckpointFile(directory.resolve("storage-0"));
        try (LocalCluster cluster = new LocalCluster(4, directory).withParameters(parameters).start(40, 0, 1, 2, 3)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> cluster.metric(0, "committed_sequence_length") >= 300);
            long committed = (long) cluster.metric(0, "committed_sequence_length");
            Optional<CommitCheckpoint> checkpoint = file.read();
            assertThat(checkpoint).as("a checkpoint on disk").isPresent();
            assertThat(checkpoint.get().sequenceLength()).as("leaders the checkpoint vouches for")
                    .isGreaterThan(committed - 4L * GC_DEPTH);
            assertThat(BlockLog.segments(directory.resolve("storage-0").resolve(Validator.BLOCK_LOG)))
                    .as("segments: none was sealed, so none freed").hasSize(1);
        }
    }
}
