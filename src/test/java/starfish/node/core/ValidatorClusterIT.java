package starfish.node.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.node.LocalCluster;

class ValidatorClusterIT {

    @TempDir
    Path directory;

    @Test
    void fourValidatorsCommitTheSameSequenceUnderLoad() throws Exception {
        List<List<String>> logs;
        try (LocalCluster cluster = new LocalCluster(4, directory).start(200, 0, 1, 2, 3)) {
            await().atMost(Duration.ofSeconds(40)).until(() -> {
                for (int i = 0; i < 4; i++) {
                    if (cluster.metric(i, "committed_sequence_length") < 20
                            || cluster.metric(i, "sequenced_transactions") < 500) {
                        return false;
                    }
                }
                return true;
            });
            assertThat(cluster.metric(0, "committed_leaders", "commit_type", "direct-commit")).isPositive();
            assertThat(cluster.metric(0, "bytes_sent")).isPositive();
            assertThat(cluster.metric(0, "rejected_messages")).isZero();
        }
        // closing flushed every committed.log
        logs = List.of(read(0), read(1), read(2), read(3));
        int common = logs.stream().mapToInt(List::size).min().orElseThrow();
        assertThat(common).isGreaterThanOrEqualTo(20);
        for (List<String> log : logs) {
            assertThat(log.subList(0, common)).isEqualTo(logs.get(0).subList(0, common));
        }
        long transactions = logs.get(0).stream().mapToLong(line -> Long.parseLong(line.split(" ")[5])).sum();
        assertThat(transactions).isPositive();
    }

    private List<String> read(int authority) throws Exception {
        return java.nio.file.Files.readAllLines(directory.resolve("storage-" + authority).resolve("committed.log"));
    }
}
