package starfish.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.orchestrator.cloud.CloudState;
import starfish.orchestrator.cloud.vultr.FakeVultr;

/**
 * A JUnit run on a (fake) cloud, in a JVM of its own, stopped with SIGTERM while its benchmark runs: what it
 * provisioned is destroyed before the JVM exits, unless -Dtestbed.keep=true.
 */
class InterruptedCloudRunIT {
    private static final String TOKEN = "VULTRTOKEN4EXAMPLE0123456789ABCDEFGH";
    /** Committee 4 plus the monitoring host. */
    private static final int INSTANCES = 5;

    @TempDir
    Path dir;
    private final FakeVultr vultr = new FakeVultr(TOKEN);
    private final MockWebServer server = new MockWebServer();
    private Process child;

    @BeforeEach
    void startTheFakeCloud() throws Exception {
        server.setDispatcher(vultr);
        server.start(InetAddress.getLoopbackAddress(), 0);
        Files.writeString(dir.resolve("token"), TOKEN);
        Files.writeString(dir.resolve("id_ed25519"), "not used: the fake instances count as answering SSH");
        Files.writeString(dir.resolve("id_ed25519.pub"), "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEXAMPLE bench@operator\n");
        Files.writeString(dir.resolve("vultr.yml"), String.join("\n",
                "testbed_id: interrupted", "cloud_provider: vultr", "regions: [ewr]", "specs: vc2-1c-1gb",
                "token_file: " + dir.resolve("token"), "ssh_private_key_file: " + dir.resolve("id_ed25519"),
                "ssh_public_key_file: " + dir.resolve("id_ed25519.pub"), "vultr_api_url: " + server.url("/v2"), ""));
    }

    @AfterEach
    void stop() throws Exception {
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor();
        }
        server.close();
    }

    /** Starts the child JVM and waits until its benchmark runs on the provisioned instances. */
    private void runUntilTheBenchmarkRuns(boolean keep) throws Exception {
        Path log = dir.resolve("child.log");
        child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-D" + CloudState.PROPERTY + "=" + dir.resolve("state"),
                "-Dallure.results.directory=" + dir.resolve("allure-results"),
                "-Dbenchmark.history=" + dir.resolve("history"),
                InterruptedCloudRun.class.getName(), dir.resolve("vultr.yml").toString(), Boolean.toString(keep))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await().atMost(Duration.ofMinutes(2)).until(() -> Files.readString(log).contains(FakeCloudTestbedFactory.RUNNING)
                || !child.isAlive());
        assertThat(Files.readString(log)).contains(FakeCloudTestbedFactory.RUNNING);
        assertThat(vultr.instances).hasSize(INSTANCES);
        assertThat(vultr.firewallGroups).hasSize(1);
    }

    @Test
    void aRunStoppedWithSigtermLeavesNoInstanceBehind() throws Exception {
        runUntilTheBenchmarkRuns(false);

        child.destroy(); // SIGTERM
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("the JVM ends after its teardown").isTrue();

        assertThat(vultr.instances).isEmpty();
        assertThat(vultr.firewallGroups).isEmpty();
        assertThat(vultr.sshKeys).isEmpty();
    }

    @Test
    void withTestbedKeepTheInstancesStay() throws Exception {
        runUntilTheBenchmarkRuns(true);

        child.destroy();
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(vultr.instances).hasSize(INSTANCES);
    }
}
