package starfish.node.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import starfish.node.LocalCluster;
import starfish.node.config.NodeParameters;
import starfish.node.dag.BlockLog;
import starfish.orchestrator.measurement.CommittedLog;
import starfish.orchestrator.measurement.Safety;
import starfish.orchestrator.measurement.SafetyCheck;
import starfish.orchestrator.measurement.SafetyVerdict;
import starfish.protocol.Consensus;

/**
 * With the smallest garbage-collection window and tiny log segments, the write-ahead log keeps only a window's worth
 * of segments however many rounds go by; the whole committee then stops and restarts on its storage, each validator
 * resuming from its commit checkpoint without the deleted blocks: the committed sequences go on without a gap,
 * agree, and nobody signs a second block for a round.
 */
class SegmentedLogRestartIT {

    private static final int GC_DEPTH = 20;
    private static final long SEGMENT_BYTES = 4 * 1024;
    /**
     * Segments validator 3 starts before the restart: hundreds of rounds, many GC windows. While the second half is
     * written, fewer than a third of them may be on disk: the window (about 30 segments here, more when commits lag
     * behind rounds on a busy machine) plus the segments of rounds not committed yet.
     */
    private static final long SEGMENTS_WRITTEN = 300;
    private static final String LENGTH = "committed_sequence_length";

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(value = Consensus.class, names = {"MYSTICETI", "STARFISH"})
    void diskUseStaysWithinTheWindowAndARestartResumesFromTheCheckpoint(Consensus consensus) throws Exception {
        NodeParameters small = LocalCluster.withoutStartupWait(GC_DEPTH, SEGMENT_BYTES);
        Path wal = directory.resolve("storage-3").resolve(Validator.BLOCK_LOG);
        AtomicLong mostSegmentsOnDisk = new AtomicLong();
        long[] lengthsAtStop = new long[4];
        try (LocalCluster cluster = new LocalCluster(4, directory).withConsensus(consensus).withParameters(small)
                .start(40, 0, 1, 2, 3)) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> {
                long newest = newestSegment(wal);
                if (newest >= SEGMENTS_WRITTEN / 2) {
                    mostSegmentsOnDisk.accumulateAndGet(BlockLog.segments(wal).size(), Math::max);
                }
                return newest >= SEGMENTS_WRITTEN;
            });
            for (int i = 0; i < 4; i++) {
                cluster.stop(i);
                lengthsAtStop[i] = cluster.committedLog(i).size();
            }
            assertThat(mostSegmentsOnDisk.get()).as("the most segments on disk while the second half of %d was"
                    + " written", SEGMENTS_WRITTEN).isLessThan(SEGMENTS_WRITTEN / 3);
            assertThat(oldestSegment(wal)).as("segments below the window were deleted").isGreaterThan(1);
            assertThat(directory.resolve("storage-3").resolve(CheckpointFile.NAME)).exists();

            cluster.start(40, 0, 1, 2, 3);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (int i = 0; i < 4; i++) {
                    if (cluster.metric(i, LENGTH) < lengthsAtStop[i] + 20) {
                        return false;
                    }
                }
                return true;
            });
            for (int i = 0; i < 4; i++) {
                for (int author = 0; author < 4; author++) {
                    assertThat(cluster.metric(i, "equivocating_blocks", "authority", Integer.toString(author)))
                            .as("blocks of %d seen twice for a round by %d", author, i).isZero();
                }
            }
        }
        Map<Integer, CommittedLog> logs = new TreeMap<>();
        for (int i = 0; i < 4; i++) {
            List<String> lines = Files.readAllLines(directory.resolve("storage-" + i).resolve("committed.log"));
            for (int index = 0; index < lines.size(); index++) {
                assertThat(lines.get(index)).as("line %d of validator %d's log", index, i).startsWith(index + " ");
            }
            assertThat(lines).as("validator %d committed past its restart", i).hasSizeGreaterThan(
                    (int) lengthsAtStop[i] + 10);
            logs.put(i, new CommittedLog.Lines(lines));
        }
        SafetyVerdict verdict = SafetyCheck.check(logs);
        assertThat(verdict.safety()).as(verdict.detail()).isEqualTo(Safety.OK);
    }

    private static long newestSegment(Path wal) throws IOException {
        List<Path> segments = BlockLog.segments(wal);
        return segments.isEmpty() ? 0 : number(segments.get(segments.size() - 1));
    }

    private static long oldestSegment(Path wal) throws IOException {
        return number(BlockLog.segments(wal).get(0));
    }

    private static long number(Path segment) {
        return Long.parseLong(segment.getFileName().toString().replaceAll("\\D", ""));
    }
}
