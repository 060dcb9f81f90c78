package starfish.orchestrator.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import starfish.orchestrator.runner.CommandOutput;
import starfish.orchestrator.runner.CommandRunner;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.host.InstanceStatus;

/** A real netns testbed of 4 hosts in 2 regions, driven over real SSH, then destroyed without leftovers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetnsTestbedIT {
    private static final String TESTBED = "it-netns";

    private Path stateRoot;
    private Settings settings;
    private NetnsTestbed testbed;
    private List<Instance> instances;

    @BeforeAll
    void deploy() throws Exception {
        List<String> missing = NetnsRequirements.missing();
        assumeTrue(missing.isEmpty(), () -> "netns integration tests need " + missing);
        stateRoot = Files.createTempDirectory("netns-it");
        settings = NetnsTestSettings.of(TESTBED, List.of("east", "west"));
        testbed = new NetnsTestbed(settings, stateRoot);
        testbed.destroy();
        instances = testbed.deploy(2, Optional.empty());
    }

    @AfterAll
    void destroy() throws Exception {
        if (testbed != null) {
            testbed.destroy();
            testbed.close();
            Files.deleteIfExists(stateRoot);
        }
    }

    @Test
    @Order(1)
    void deploysActiveHostsWithAddressesOfTheirRegion() {
        assertThat(instances).hasSize(4).allMatch(Instance::isActive);
        assertThat(instances).extracting(Instance::region).containsExactly("east", "east", "west", "west");
        assertThat(instances).extracting(Instance::id).allMatch(id -> id.startsWith("sf-" + TESTBED + "-"));
        assertThat(instances.get(2).publicIp()).startsWith("198.18.").endsWith(".1");
        assertThat(instances.get(2).internalIp()).startsWith("198.19.").endsWith(".1");
        assertThat(thirdOctet(instances.get(2).publicIp())).isEqualTo(thirdOctet(instances.get(0).publicIp()) + 1);
    }

    @Test
    @Order(2)
    void runsCommandsOnEveryHostInItsOwnNamespaceAndHome() throws Exception {
        CommandRunner runner = testbed.commandRunner();
        Map<Instance, CommandOutput> outputs = runner.executeAll(instances,
                "ip -4 -o addr show dev eth0; ip route; pwd; echo marker > marker.txt");

        for (Instance instance : instances) {
            String stdout = outputs.get(instance).stdout();
            assertThat(stdout).contains(instance.publicIp() + "/20").contains(instance.internalIp() + "/20")
                    .contains("/root/starfish").doesNotContain("default");
            Path home = testbed.stateDir().resolve("hosts").resolve(instance.id()).resolve("home");
            assertThat(home.resolve("starfish/marker.txt")).hasContent("marker");
        }
        Instance west = instances.get(3);
        String reach = "timeout 3 bash -c '</dev/tcp/" + west.internalIp() + "/22' && echo reachable";
        assertThat(runner.execute(instances.get(0), reach).stdout()).contains("reachable");
        assertThat(runner.execute(instances.get(0), "mvn -v > /dev/null && ls ~/.m2/repository | head -1")
                .stdout()).isNotBlank();
    }

    @Test
    @Order(3)
    void uploadsDownloadsAndRunsDetachedCommands(@TempDir Path local) throws Exception {
        CommandRunner runner = testbed.commandRunner();
        Instance host = instances.get(1);
        runner.upload(host, Files.writeString(local.resolve("in.txt"), "up\n"), "files/in.txt");
        runner.execute(host, "tr a-z A-Z < files/in.txt > files/out.txt");
        runner.download(host, "files/out.txt", local.resolve("out.txt"));
        assertThat(local.resolve("out.txt")).hasContent("UP");

        runner.startDetached(host, "looper", "while true; do echo tick; sleep 0.2; done", "logs/looper.log");
        assertThat(NamespaceProcesses.pids(host.id())).hasSizeGreaterThan(2);
        runner.stopDetached(host, "looper");
        assertThat(runner.execute(host, "pgrep -f 'echo tic[k]' || true").stdout()).isBlank();
        assertThat(runner.execute(host, "head -n 1 logs/looper.log").stdout().strip()).isEqualTo("tick");
    }

    @Test
    @Order(4)
    void stopAndStartSurviveANewProcess() {
        testbed.stop();
        try (NetnsTestbed again = new NetnsTestbed(settings, stateRoot)) {
            assertThat(again.instances()).extracting(Instance::status).containsOnly(InstanceStatus.STOPPED);
            assertThat(NamespaceProcesses.pids(instances.get(0).id())).isEmpty();

            again.start(0);

            assertThat(again.instances()).extracting(Instance::status).containsOnly(InstanceStatus.ACTIVE);
            assertThat(again.commandRunner().executeAll(again.instances(), "cat marker.txt")).hasSize(4);
        }
    }

    @Test
    @Order(5)
    void redeployAfterACrashRepairsWhatIsBroken() {
        Instance broken = instances.get(2);
        HostCommands.run("ip", "netns", "del", broken.id());

        List<Instance> redeployed = new NetnsTestbed(settings, stateRoot).deploy(2, Optional.empty());

        assertThat(redeployed).hasSize(4).allMatch(Instance::isActive);
        assertThat(redeployed).extracting(Instance::publicIp)
                .containsExactlyElementsOf(instances.stream().map(Instance::publicIp).toList());
        assertThat(testbed.commandRunner().execute(redeployed.get(2), "echo back").stdout()).isEqualTo("back\n");
        assertThat(HostCommands.run("pgrep", "-f", "sshd.*" + testbed.stateDir()).lines()).hasSize(4);
    }

    @Test
    @Order(6)
    void destroyLeavesNothingBehind() {
        Path stateDir = testbed.stateDir();
        testbed.destroy();

        assertThat(NetnsLeftovers.of(TESTBED, stateDir)).isEmpty();
        assertThat(testbed.instances()).isEmpty();
    }

    private static int thirdOctet(String ip) {
        return Integer.parseInt(ip.split("\\.")[2]);
    }
}
