package starfish.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import starfish.Main;
import starfish.node.config.Committee;
import starfish.node.config.ConfigFiles;

class GenesisCommandTest {

    @TempDir
    Path directory;

    @Test
    void everyGenesisDrawsFreshKeysThatOnlyTheirOwnerCanRead() throws Exception {
        String[] ips = {"10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"};
        assertThat(genesis(directory.resolve("a"), ips)).isZero();
        assertThat(genesis(directory.resolve("b"), ips)).isZero();

        Committee a = committee(directory.resolve("a"));
        Committee b = committee(directory.resolve("b"));
        assertThat(a.size()).isEqualTo(4);
        assertThat(a.authority(2).host()).isEqualTo("10.0.0.3");
        assertThat(a.authority(2).consensusPort()).isEqualTo(26002);
        assertThat(a.authority(2).metricsPort()).isEqualTo(26006);
        for (int i = 0; i < 4; i++) {
            Path privateFile = directory.resolve("a").resolve(ConfigFiles.privateConfigFile(i));
            assertThat(ConfigFiles.readSigningKey(privateFile, i).publicKey()).isEqualTo(a.authority(i).publicKey());
            assertThat(Files.getPosixFilePermissions(privateFile)).as(privateFile.toString())
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(b.authority(i).publicKey()).as("authority %d in two testbeds", i)
                    .isNotEqualTo(a.authority(i).publicKey());
        }
        assertThat(a.authority(0).publicKey()).isNotEqualTo(a.authority(1).publicKey());
    }

    @Test
    void genesisPrintsNoKey() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out));
        PrintStream standardOut = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertThat(command.execute("node", "genesis", "--ips", "127.0.0.1", "--working-directory",
                    directory.toString())).isZero();
        } finally {
            System.setOut(standardOut);
        }
        String seed = Files.readString(directory.resolve(ConfigFiles.privateConfigFile(0)))
                .replaceAll("(?s).*\"private_key_seed\" *: *\"([0-9a-f]+)\".*", "$1");
        assertThat(seed).hasSize(64);
        assertThat(printed.toString(StandardCharsets.UTF_8) + out).isNotBlank().doesNotContain(seed);
    }

    private static Committee committee(Path genesis) {
        return ConfigFiles.readCommittee(genesis.resolve("committee.json"), genesis.resolve("public-config.json"));
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
