package starfish.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.Main;
import starfish.node.config.Committee;
import starfish.node.config.ConfigFiles;

class GenesisCommandTest {

    @TempDir
    Path directory;

    @Test
    void writesIdenticalFilesForTheSameIpsOnEveryHost() throws Exception {
        String[] ips = {"10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"};
        assertThat(genesis(directory.resolve("a"), ips)).isZero();
        assertThat(genesis(directory.resolve("b"), ips)).isZero();

        List<String> files = List.of("committee.json", "public-config.json", "private-config-0.json",
                "private-config-3.json");
        for (String file : files) {
            assertThat(Files.readAllBytes(directory.resolve("a").resolve(file)))
                    .as(file).isEqualTo(Files.readAllBytes(directory.resolve("b").resolve(file)));
        }
        Committee committee = ConfigFiles.readCommittee(directory.resolve("a/committee.json"),
                directory.resolve("a/public-config.json"));
        assertThat(committee.size()).isEqualTo(4);
        assertThat(committee.authority(2).host()).isEqualTo("10.0.0.3");
        assertThat(committee.authority(2).consensusPort()).isEqualTo(26002);
        assertThat(committee.authority(2).metricsPort()).isEqualTo(26006);
        assertThat(ConfigFiles.readSigningKey(directory.resolve("a/private-config-2.json"), 2).publicKey())
                .isEqualTo(committee.authority(2).publicKey());
        assertThat(committee.authority(0).publicKey()).isNotEqualTo(committee.authority(1).publicKey());
    }

    @Test
    void honoursTheBasePort() throws Exception {
        assertThat(Main.commandLine().execute("node", "genesis", "--ips", "127.0.0.1", "127.0.0.1",
                "--working-directory", directory.toString(), "--base-port", "30000")).isZero();

        Committee committee = ConfigFiles.readCommittee(directory.resolve("committee.json"),
                directory.resolve("public-config.json"));
        assertThat(committee.authority(1).consensusPort()).isEqualTo(30001);
        assertThat(committee.authority(1).metricsPort()).isEqualTo(30003);
    }

    @Test
    void rejectsABasePortThatOverflows() {
        assertThat(Main.commandLine().execute("node", "genesis", "--ips", "127.0.0.1", "127.0.0.1",
                "--working-directory", directory.toString(), "--base-port", "65534")).isNotZero();
        assertThat(directory.resolve("committee.json")).doesNotExist();
    }

    private static int genesis(Path into, String... ips) {
        String[] args = new String[4 + ips.length];
        args[0] = "node";
        args[1] = "genesis";
        args[2] = "--working-directory";
        args[3] = into.toString();
        String[] withIps = new String[args.length + 1];
        System.arraycopy(args, 0, withIps, 0, 4);
        withIps[4] = "--ips";
        System.arraycopy(ips, 0, withIps, 5, ips.length);
        return Main.commandLine().execute(withIps);
    }
}
