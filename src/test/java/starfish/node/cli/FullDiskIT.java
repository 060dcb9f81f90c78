package starfish.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.node.config.Committee;
import starfish.node.config.ConfigFiles;
import starfish.node.core.Validator;
import starfish.node.dag.BlockLog;

/**
 * A real full disk: validator 3's storage is a 1 MiB tmpfs (mounted by the test, which needs root, and unmounted
 * after it), the committee runs under load until it fills up. The validator process exits with 1 and an error
 * naming the file and the cause; what it logged before is intact (its log opens, with its own last block), and no
 * peer saw two blocks of one round from it.
 */
class FullDiskIT {

    @TempDir
    Path directory;

    @Test
    void aValidatorWhoseDiskFillsUpExitsWithAClearErrorAndAnIntactLog() throws Exception {
        Path storage = Files.createDirectories(directory.resolve("storage-3"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", storage.toString())
                .redirectErrorStream(true).start();
        assumeTrue(mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0,
                "mounting a tmpfs needs root: " + new String(mount.getInputStream().readAllBytes()));
        try (ValidatorProcesses committee = new ValidatorProcesses(directory, 4)) {
            Process full = null;
            for (int i = 0; i < 4; i++) {
                Process started = committee.start(i, 2_000);
                full = i == 3 ? started : full;
            }

            assertThat(full.waitFor(180, TimeUnit.SECONDS)).as("the validator on the full disk exits").isTrue();
            assertThat(full.exitValue()).isEqualTo(1);
            assertThat(committee.output(3)).contains("No space left on device").contains("stops")
                    .contains(storage.toString());
            for (int i = 0; i < 3; i++) {
                assertThat(committee.metric(i, "equivocating_blocks_total{authority=\"3\"}")).isZero();
            }
            Committee genesis = ConfigFiles.readCommittee(directory.resolve("committee.json"),
                    directory.resolve("public-config.json"));
            Path copy = directory.resolve("wal-copy");
            Files.createDirectories(copy);
            for (Path segment : BlockLog.segments(storage.resolve(Validator.BLOCK_LOG))) {
                Files.copy(segment, copy.resolve(segment.getFileName()));
            }
            try (BlockLog log = BlockLog.open(copy, 3, genesis)) {
                assertThat(log.lastOwnBlock()).as("the blocks it signed are in its log").isPresent();
            }
        } finally {
            new ProcessBuilder("umount", storage.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
