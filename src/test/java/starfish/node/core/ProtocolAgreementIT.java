package starfish.node.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import starfish.node.LocalCluster;
import starfish.protocol.Consensus;

/** Every protocol: validators in one JVM commit the same sequence, with every transaction counted once. */
class ProtocolAgreementIT {

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(Consensus.class)
    void fourValidatorsCommitTheSameSequence(Consensus consensus) throws Exception {
        assertAgreement(consensus, 4, 200, 20, Duration.ofSeconds(40));
    }

    @ParameterizedTest
    @EnumSource(Consensus.class)
    void tenValidatorsCommitTheSameSequence(Consensus consensus) throws Exception {
        assertAgreement(consensus, 10, 100, 8, Duration.ofSeconds(50));
    }

    private void assertAgreement(Consensus consensus, int size, double loadPerValidator, int leaders,
            Duration timeout) throws Exception {
        int[] all = IntStream.range(0, size).toArray();
        try (LocalCluster cluster = new LocalCluster(size, directory).withConsensus(consensus)
                .start(loadPerValidator, all)) {
            await().atMost(timeout).until(() -> IntStream.of(all).allMatch(
                    i -> cluster.metric(i, "committed_sequence_length") >= leaders
                            && cluster.metric(i, "sequenced_transactions") > 0));
            assertThat(cluster.metric(0, "committed_leaders", "commit_type", "direct-commit")).isPositive();
            assertThat(cluster.metric(0, "rejected_messages")).isZero();
        }
        List<List<String>> logs = new ArrayList<>();
        for (int i : all) {
            logs.add(Files.readAllLines(directory.resolve("storage-" + i).resolve("committed.log")));
        }
        int common = logs.stream().mapToInt(List::size).min().orElseThrow();
        assertThat(common).isGreaterThanOrEqualTo(leaders);
        for (List<String> log : logs) {
            assertThat(log.subList(0, common)).isEqualTo(logs.get(0).subList(0, common));
        }
        if (consensus == Consensus.CORDIAL_MINERS) {
            assertThat(logs.get(0)).allSatisfy(line -> assertThat(Long.parseLong(line.split(" ")[1]) % 3).isZero());
        }
    }
}
