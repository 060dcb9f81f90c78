package starfish.node.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.node.consensus.CommittedSubDag;
import starfish.node.crypto.Hasher;
import starfish.node.dag.Block;
import starfish.node.dag.BlockReference;
import starfish.node.dag.Transactions;
import starfish.node.metrics.NodeMetrics;
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
    void stopsTheLogOnceTheSequenceHasAGap() throws Exception {
        try (CommitObserver observer = observer()) {
            observer.committed(subDag(1, 5));
            observer.historyLost();
            observer.committed(subDag(7, 5));
        }

        assertThat(Files.readAllLines(storage.resolve("committed.log"))).hasSize(1);
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
