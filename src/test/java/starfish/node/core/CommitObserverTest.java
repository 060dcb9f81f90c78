package starfish.node.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.node.consensus.CommittedSubDag;
import starfish.node.crypto.Hasher;
import starfish.node.dag.Block;
import starfish.node.dag.BlockReference;
import starfish.node.dag.Transactions;
import starfish.node.metrics.NodeMetrics;
import starfish.orchestrator.measurement.CommittedLog;
import starfish.orchestrator.measurement.Safety;
import starfish.orchestrator.measurement.SafetyCheck;
import starfish.orchestrator.measurement.SafetyVerdict;
import starfish.node.runtime.Clock;

class CommitObserverTest {
    /** Leaders rotate over four authorities. */
    private static final int COMMITTEE_SIZE = 4;

    @TempDir
    Path storage;

    @Test
    void writesOneLinePerLeaderWithARunningDigestThatDependsOnTheWholeSequence() throws Exception {
        try (CommitObserver observer = observer()) {
            observer.committed(subDag(1, 5));
            observer.committed(subDag(2, 0));
        }
        List<String> lines = Files.readAllLines(storage.resolve("committed.log"));

        assertThat(lines).hasSize(2);
        String[] first = lines.get(0).split(" ");
        assertThat(first).hasSize(6);
        assertThat(first[0]).isEqualTo("0");
        assertThat(first[1]).isEqualTo("1");
        assertThat(first[5]).isEqualTo("5");
        assertThat(lines.get(1).split(" ")[4]).isNotEqualTo(first[4]).hasSize(64);
    }

    @Test
    void aRestartChecksTheLinesItCommitsAgainAndAppendsOnlyNewOnes() throws Exception {
        try (CommitObserver observer = observer()) {
            observer.committed(subDag(1, 5));
        }
        try (CommitObserver observer = observer()) {
            observer.committed(subDag(1, 5));
            observer.committed(subDag(2, 3));
        }

        List<String> lines = Files.readAllLines(storage.resolve("committed.log"));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("1 2 ");
    }

    @Test
    void aRestartThatReCommitsADifferentSequenceRecordsAViolationTheSafetyCheckReports() throws Exception {
        try (CommitObserver observer = observer()) {
            observer.committed(subDag(1, 5));
            observer.committed(subDag(2, 3));
        }
        try (CommitObserver observer = observer()) {
            observer.committed(subDag(1, 5));
            observer.committed(subDag(3, 3));
            observer.committed(subDag(4, 3));
        }

        List<String> lines = Files.readAllLines(storage.resolve("committed.log"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).startsWith(SafetyCheck.RESTART_DIVERGED + " 1 1 3 ");
        SafetyVerdict verdict = SafetyCheck.check(Map.of(0, new CommittedLog.Lines(lines)));
        assertThat(verdict.safety()).isEqualTo(Safety.VIOLATED);
        assertThat(verdict.detail()).contains("validator 0 re-committed index 1 differently after a restart");
    }

    @Test
    void aRestartCutsOffALineTornByAnAbruptStop() throws Exception {
        try (CommitObserver observer = observer()) {
            observer.committed(subDag(1, 5));
        }
        Files.writeString(storage.resolve("committed.log"), "1 2 1 ab", StandardOpenOption.APPEND);
        try (CommitObserver observer = observer()) {
            observer.committed(subDag(1, 5));
            observer.committed(subDag(2, 3));
        }

        List<String> lines = Files.readAllLines(storage.resolve("committed.log"));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("1 2 ").doesNotContain("ab1");
        assertThat(SafetyCheck.check(Map.of(0, new CommittedLog.Lines(lines))).safety()).isEqualTo(Safety.OK);
    }

    @Test
    void linesAPeerAgreesOnAreAdoptedWithoutAGapAndServedBack() throws Exception {
        List<String> served;
        try (CommitObserver ahead = observer()) {
            ahead.committed(subDag(1, 5));
            ahead.committed(subDag(2, 3));
            ahead.committed(subDag(3, 4));
            assertThat(ahead.linesBetween(1, 4)).as("beyond its own sequence").isEmpty();
            served = ahead.linesBetween(1, 3).orElseThrow();
        }
        List<String> aheadLines = Files.readAllLines(storage.resolve("committed.log"));
        assertThat(served).isEqualTo(aheadLines.subList(1, 3));

        Path behind = storage.resolve("behind");
        try (CommitObserver observer = new CommitObserver(behind, new NodeMetrics(new PrometheusRegistry(),
                COMMITTEE_SIZE), Clock.SYSTEM)) {
            observer.committed(subDag(1, 5));
            observer.adopt(served);
            observer.resumeAt(3, digestOfLine(aheadLines.get(2)));
            observer.committed(subDag(4, 2));
        }
        List<String> lines = Files.readAllLines(behind.resolve("committed.log"));
        assertThat(lines.subList(0, 3)).isEqualTo(aheadLines);
        assertThat(lines.get(3)).startsWith("3 4 ");
    }

    private static starfish.node.crypto.Digest digestOfLine(String line) {
        return new starfish.node.crypto.Digest(java.util.HexFormat.of().parseHex(line.split(" ")[4]));
    }

    private CommitObserver observer() throws Exception {
        return new CommitObserver(storage, new NodeMetrics(new PrometheusRegistry(), COMMITTEE_SIZE), Clock.SYSTEM);
    }

    private static CommittedSubDag subDag(long round, int transactions) {
        java.nio.ByteBuffer data = java.nio.ByteBuffer.allocate(transactions * 20);
        for (int i = 0; i < transactions; i++) {
            data.putInt(16).putLong(System.currentTimeMillis()).putLong(i);
        }
        Block leader = new Block(new BlockReference((int) round % COMMITTEE_SIZE, round, Hasher.sha256(new byte[] {(byte) round})),
                System.currentTimeMillis(), List.of(), List.of(), Hasher.sha256(new byte[0]), new byte[64],
                new Transactions(data.flip(), transactions));
        return new CommittedSubDag(leader, List.of(leader));
    }
}
