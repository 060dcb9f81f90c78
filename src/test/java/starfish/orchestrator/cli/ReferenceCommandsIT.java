package starfish.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep, outage and stability commands on the local testbed: real validators, real scrapes, their files. */
class ReferenceCommandsIT {
    @TempDir
    Path dir;

    private LocalTestbedCli cli;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void settings() throws IOException {
        cli = new LocalTestbedCli(dir);
        out = cli.out;
        err = cli.err;
    }

    private int run(String... args) {
        return cli.run(args);
    }

    private Path printed(String label) {
        Matcher file = Pattern.compile(label + "\\s+(\\S+)").matcher(out.toString());
        assertThat(file.find()).as(out.toString()).isTrue();
        return Path.of(file.group(1).replaceAll(",$", ""));
    }

    @Test
    void aSweepOfTwoProtocolsWritesItsPointsAndALinePerProtocol() throws Exception {
        int exit = run("benchmark-sweep", "--protocols", "mysticeti,starfish", "--sweep-initial-load", "200",
                "--sweep-max-points", "2", "--duration", "5s");

        assertThat(exit).as(err.toString()).isZero();
        List<String> csv = Files.readAllLines(printed("points:"));
        assertThat(csv).hasSize(5);
        assertThat(csv.subList(1, 5)).extracting(line -> line.split(",")[0] + "@" + line.split(",")[2])
                .containsExactly("mysticeti@200", "mysticeti@800", "starfish@200", "starfish@800");
        assertThat(csv.subList(1, 5)).allSatisfy(line -> assertThat(Double.parseDouble(line.split(",")[3]))
                .as("tps of " + line).isPositive());
        assertThat(Files.readString(printed("graph:"))).contains("— mysticeti", "— starfish");
        assertThat(dir.resolve("hosts")).doesNotExist();
    }

    @Test
    void anOutageTakesTheNamedValidatorDownAndBackAndTheSamplesShowIt() throws Exception {
        int exit = run("benchmark-outage", "--load", "300", "--start", "4s", "--duration", "6s", "--authorities", "3",
                "--run-duration", "16s", "--sample-interval", "4s");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("safety\\s+ok").containsPattern("live\\s+yes");
        List<String> samples = Files.readAllLines(printed("samples:"));
        assertThat(samples.get(0)).startsWith("sample,start_s,end_s,validators_up,outage_active,tps");
        assertThat(samples.subList(1, samples.size())).extracting(line -> line.split(",")[4])
                .contains("true", "false");
        assertThat(samples.subList(1, samples.size())).extracting(line -> line.split(",")[3]).contains("3");
        String measurements = Files.readString(Files.list(printed("samples:").getParent())
                .filter(p -> p.getFileName().toString().startsWith("measurements-")).findFirst().orElseThrow());
        assertThat(measurements).contains("\"CRASHED\"").contains("\"RESTARTED\"");
    }

    @Test
    void aStabilityRunWritesASamplePerInterval() throws Exception {
        int exit = run("benchmark-stability", "--load", "300", "--duration", "12s", "--sample-interval", "4s");

        assertThat(exit).as(err.toString()).isZero();
        List<String> samples = Files.readAllLines(printed("samples:"));
        assertThat(samples).hasSizeGreaterThanOrEqualTo(4);
        assertThat(Double.parseDouble(samples.get(samples.size() - 1).split(",")[5])).as("last sample's tps")
                .isBetween(200.0, 400.0);
        assertThat(printed("charts:")).exists();
    }
}
