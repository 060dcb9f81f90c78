package starfish.orchestrator.cloud.vultr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.orchestrator.cloud.CapturedLogs;
import starfish.orchestrator.cloud.DeployFailedException;
import starfish.orchestrator.cloud.ScriptedSshProbe;
import starfish.orchestrator.cloud.CloudState;
import starfish.orchestrator.cloud.FirewallPolicy;
import starfish.orchestrator.cloud.OperatorAddress;
import starfish.orchestrator.cloud.OwnerToken;
import starfish.orchestrator.cloud.TestSettings;
import starfish.orchestrator.settings.CloudProvider;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.host.InstanceStatus;
import starfish.orchestrator.host.ValidatorPorts;
import starfish.orchestrator.testbed.ActiveInstances;
import starfish.orchestrator.testbed.HostTraits;
import starfish.orchestrator.testbed.HostsNeeded;
import starfish.orchestrator.testbed.InstanceTable;

class VultrTestbedTest {
    private static final String TOKEN = "VULTRTOKEN4EXAMPLE0123456789ABCDEFGH";
    private static final String PUBLIC_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEXAMPLEKEYEXAMPLEKEY bench@operator";
    private static final String TESTBED = "bench-vultr";
    private static final OperatorAddress OPERATOR = new OperatorAddress("198.51.100.7");
    private static final OperatorAddress NEW_OPERATOR = new OperatorAddress("203.0.113.0/24");
    private static final List<String> REGIONS = List.of("ewr", "ams");
    private static final Duration POLL = Duration.ofSeconds(5);
    private static final Duration BACKOFF = Duration.ofMillis(700);

    @TempDir
    Path dir;
    private final FakeVultr vultr = new FakeVultr(TOKEN);
    private final MockWebServer server = new MockWebServer();
    /** What the client asked to wait for; nothing really sleeps. */
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    /** Stands in for SSH to the new instances; a test replaces it before it creates a testbed. */
    private ScriptedSshProbe ssh = ScriptedSshProbe.answering();
    /** The operator's address as the testbed asks for it (a test moves the operator, or makes asking fail). */
    private Supplier<OperatorAddress> operator = () -> OPERATOR;

    @BeforeEach
    void start() throws Exception {
        System.setProperty(CloudState.PROPERTY, dir.resolve("state").toString());
        server.setDispatcher(vultr);
        server.start(InetAddress.getLoopbackAddress(), 0);
        Files.writeString(dir.resolve("vultr-token"), TOKEN + "\n");
        Files.writeString(dir.resolve("id_ed25519"), "not used by these tests");
        Files.writeString(dir.resolve("id_ed25519.pub"), PUBLIC_KEY + "\n");
    }

    @AfterEach
    void stop() {
        System.clearProperty(CloudState.PROPERTY);
        server.close();
    }

    private VultrTestbed testbed(int maxInstances) {
        return testbed(maxInstances, false);
    }

    private VultrTestbed testbed(int maxInstances, boolean vpc) {
        Settings settings = TestSettings.cloud(CloudProvider.VULTR, TESTBED, dir.resolve("vultr-token"),
                dir.resolve("id_ed25519"), REGIONS, "vc2-8c-32gb", server.url("/v2").toString(), maxInstances, false,
                vpc);
        return new VultrTestbed(settings, () -> operator.get(), new VultrTuning(POLL, 5, BACKOFF, 4, waits::add),
                ssh.readiness());
    }

    /** The token this machine's deploys tag their resources with (recorded by the first testbed created). */
    private OwnerToken owner() {
        return OwnerToken.of(new CloudState(dir.resolve("state").resolve(TESTBED)));
    }

    private List<String> ownTags() {
        return List.of("starfish:testbed=" + TESTBED, "starfish:owner=" + owner().value());
    }

    private static List<String> otherOwnersTags() {
        return List.of("starfish:testbed=" + TESTBED, "starfish:owner=0123456789abcdef");
    }

    @Test
    void deployCreatesTaggedUbuntuInstancesWithTheTestbedKeyAndWaitsUntilTheyAreReady() {
        List<Instance> deployed;
        try (VultrTestbed testbed = testbed(50, true)) {
            deployed = testbed.deploy(2, Optional.empty());
        }

        assertThat(deployed).hasSize(4).allMatch(Instance::isActive).allMatch(i -> i.publicIp().startsWith("192.0.2."))
                .allMatch(i -> i.internalIp().startsWith("10.1.96."));
        assertThat(deployed).extracting(Instance::region).containsExactly("ewr", "ewr", "ams", "ams");

        assertThat(vultr.calls("POST", "/v2/ssh-keys")).singleElement().satisfies(c -> {
            assertThat(c.body().path("name").asText()).isEqualTo(TESTBED + "-" + owner().shortForm());
            assertThat(c.body().path("ssh_key").asText()).isEqualTo(PUBLIC_KEY);
        });
        String keyId = vultr.sshKeys.get(0).path("id").asText();
        List<FakeVultr.Call> creates = vultr.calls("POST", "/v2/instances");
        assertThat(creates).hasSize(4).allSatisfy(c -> {
            assertThat(c.body().path("plan").asText()).isEqualTo("vc2-8c-32gb");
            assertThat(c.body().path("os_id").asInt()).isEqualTo(2284);
            assertThat(c.body().path("tags").toString()).isEqualTo("[\"starfish:testbed=" + TESTBED
                    + "\",\"starfish:owner=" + owner().value() + "\"]");
            assertThat(c.body().path("firewall_group_id").asText()).isEqualTo(vultr.firewallGroups.get(0).path("id").asText());
            assertThat(c.body().path("sshkey_id").toString()).isEqualTo("[\"" + keyId + "\"]");
            assertThat(c.body().path("hostname").asText()).isEqualTo(c.body().path("label").asText());
            assertThat(c.body().path("enable_vpc").toString()).isEqualTo("true");
        });
        assertThat(creates).extracting(c -> c.body().path("region").asText()).containsExactly("ewr", "ewr", "ams", "ams");
        assertThat(vultr.calls).allMatch(c -> ("Bearer " + TOKEN).equals(c.authorization()));
        assertThat(vultr.calls("GET", "/v2/instances")).allMatch(c -> ("starfish:testbed=" + TESTBED).equals(c.param("tag")));
        assertThat(waits).isNotEmpty().containsOnly(POLL);
    }

    @Test
    void deployReturnsOnceEveryNewInstanceAnswersSsh() {
        ssh = ScriptedSshProbe.refusingFirst(2);
        List<Instance> deployed;
        try (VultrTestbed testbed = testbed(50)) {
            deployed = testbed.deploy(1, Optional.empty());
        }

        ssh.assertCheckedUntilAnswered(deployed);
    }

    @Test
    void anInstanceThatNeverAnswersSshRollsTheDeployBack() {
        ssh = ScriptedSshProbe.neverAnswering();
        try (VultrTestbed testbed = testbed(50)) {
            ssh.assertDeployGivesUpAndRollsBack(() -> testbed.deploy(1, Optional.empty()), "root");
        }

        assertThat(vultr.instances).isEmpty();
        assertThat(vultr.sshKeys).isEmpty();
    }

    @Test
    void withoutVultrVpcInstancesAreCreatedOutsideAnyVpcAndKeepTheirPublicAddressInside() {
        List<Instance> deployed;
        try (VultrTestbed testbed = testbed(50)) {
            deployed = testbed.deploy(1, Optional.of("ewr"));
        }

        assertThat(deployed).singleElement().satisfies(i -> assertThat(i.internalIp()).isEqualTo(i.publicIp()));
        assertThat(vultr.calls("POST", "/v2/instances")).singleElement()
                .satisfies(c -> assertThat(c.body().has("enable_vpc")).isFalse());
    }

    @Test
    void theStatusTableGivesTheSshCommandAsRoot() {
        try (VultrTestbed testbed = testbed(50)) {
            testbed.deploy(1, Optional.of("ewr"));
            String table = InstanceTable.render(testbed);

            assertThat(table).contains("ewr (1 instance)")
                    .contains("ssh -i " + dir.resolve("id_ed25519") + " root@192.0.2.");
        }
    }

    @Test
    void listingsFollowTheCursorInMetaLinksNext() {
        vultr.pageSize = 2;
        for (int n = 0; n < 5; n++) {
            vultr.addInstance(n < 3 ? "ewr" : "ams", "active", "running", ownTags());
        }
        vultr.addInstance("ewr", "active", "running", List.of("someone-else"));

        try (VultrTestbed testbed = testbed(50)) {
            assertThat(testbed.instances()).hasSize(5).allMatch(Instance::isActive);
        }

        assertThat(vultr.calls("GET", "/v2/instances")).extracting(c -> c.param("cursor"))
                .containsExactly(null, "bmV4dF9fMg==", "bmV4dF9fNA==");
    }

    @Test
    void aRateLimitIsWaitedOutHonouringRetryAfter() {
        vultr.fail(c -> c.path().equals("/v2/instances"), 1, () -> new MockResponse.Builder(FakeVultr.error(429, "Rate limit reached"))
                .addHeader("Retry-After", "3").build());
        vultr.fail(c -> c.path().equals("/v2/instances"), 2, () -> FakeVultr.error(429, "Rate limit reached"));
        vultr.addInstance("ewr", "active", "running", ownTags());

        try (VultrTestbed testbed = testbed(50)) {
            assertThat(testbed.instances()).hasSize(1);
        }

        assertThat(waits).containsExactly(Duration.ofSeconds(3), BACKOFF.multipliedBy(2), BACKOFF.multipliedBy(4));
    }

    @Test
    void aPersistentRateLimitFailsWithAClearMessage() {
        vultr.fail(c -> true, 100, () -> FakeVultr.error(429, "Rate limit reached"));
        try (VultrTestbed testbed = testbed(50)) {
            assertThatThrownBy(testbed::instances).isInstanceOf(VultrApiException.class)
                    .hasMessageContaining("GET /v2/instances").hasMessageContaining("HTTP 429")
                    .hasMessageContaining("still rate limited after 4 attempts");
        }
    }

    @Test
    void aRefusedTokenIsReportedWithoutTheTokenInTheMessageOrTheLogs() throws Exception {
        Files.writeString(dir.resolve("vultr-token"), "WRONGTOKEN-0123456789");
        try (CapturedLogs logs = new CapturedLogs(); VultrTestbed testbed = testbed(50)) {
            assertThatThrownBy(() -> testbed.deploy(1, Optional.empty())).isInstanceOf(VultrApiException.class)
                    .hasMessageContaining("HTTP 401: Invalid API token.").hasMessageContaining("token_file")
                    .satisfies(e -> assertThat(e.toString()).doesNotContain("WRONGTOKEN"));
            assertThat(logs.text()).doesNotContain("WRONGTOKEN");
        }
    }

    @Test
    void aHalfFailedDeployDeletesWhatItCreatedAndNeverEchoesTheToken() {
        vultr.fail(c -> c.method().equals("POST") && c.path().equals("/v2/instances") && "ams".equals(c.body().path("region").asText()),
                1, () -> FakeVultr.error(500, "Internal error while handling request with Bearer " + TOKEN));

        try (CapturedLogs logs = new CapturedLogs(); VultrTestbed testbed = testbed(50)) {
            assertThatThrownBy(() -> testbed.deploy(1, Optional.empty())).isInstanceOf(DeployFailedException.class)
                    .hasMessageContaining("POST /v2/instances answered HTTP 500: Internal error while handling request with Bearer ***")
                    .hasMessageContaining("everything the deploy created was removed")
                    .satisfies(e -> assertThat(e.toString() + e.getCause()).doesNotContain(TOKEN));
            assertThat(logs.text()).doesNotContain(TOKEN);
        }

        assertThat(vultr.instances).isEmpty();
        assertThat(vultr.sshKeys).isEmpty();
        assertThat(vultr.calls("DELETE", "/v2/instances/" + "cb676a46-66fd-4dfb-b839-000000000003")).hasSize(1);
    }

    @Test
    void whatARollbackCannotDeleteIsNamedWithTheWayOut() {
        vultr.stuck = true;
        vultr.fail(c -> c.method().equals("DELETE") && c.path().startsWith("/v2/instances/"), 1,
                () -> FakeVultr.error(500, "Unable to destroy server"));

        try (VultrTestbed testbed = testbed(50)) {
            assertThatThrownBy(() -> testbed.deploy(1, Optional.of("ewr"))).isInstanceOf(DeployFailedException.class)
                    .hasMessageContaining("were not ready").hasMessageContaining("after 5 polls")
                    .hasMessageContaining("instance " + vultr.instances.get(0).path("id").asText() + " (" + TESTBED + "-ewr-0) in ewr")
                    .hasMessageContaining("`testbed destroy`");
        }
        assertThat(vultr.instances).hasSize(1);
        assertThat(vultr.sshKeys).isEmpty();
    }

    @Test
    void deployBeyondMaxInstancesFailsBeforeCreatingAnything() {
        vultr.addInstance("ewr", "active", "running", ownTags());
        try (VultrTestbed testbed = testbed(2)) {
            assertThatThrownBy(() -> testbed.deploy(1, Optional.empty())).hasMessageContaining("max_instances = 2");
        }
        assertThat(vultr.calls).allMatch(c -> c.method().equals("GET"));
    }

    @Test
    void stopHaltsAndStartBootsInstancesInBulk() {
        vultr.addInstance("ewr", "active", "running", ownTags());
        vultr.addInstance("ewr", "active", "running", ownTags());
        try (VultrTestbed testbed = testbed(50)) {
            testbed.stop();
            assertThat(testbed.instances()).extracting(Instance::status).containsOnly(InstanceStatus.STOPPED);
            testbed.start(1);
            assertThat(testbed.instances()).extracting(Instance::status)
                    .containsExactlyInAnyOrder(InstanceStatus.ACTIVE, InstanceStatus.STOPPED);
        }
        assertThat(vultr.calls("POST", "/v2/instances/halt")).singleElement()
                .satisfies(c -> assertThat(c.body().path("instance_ids")).hasSize(2));
        assertThat(vultr.calls("POST", "/v2/instances/start")).singleElement()
                .satisfies(c -> assertThat(c.body().path("instance_ids")).hasSize(1));
    }

    @Test
    void destroyDeletesTheTestbedsInstancesAndKeyOnly() {
        var foreign = vultr.addInstance("ewr", "active", "running", List.of("someone-else"));
        try (VultrTestbed testbed = testbed(50)) {
            testbed.deploy(1, Optional.empty());
            testbed.destroy();
            assertThat(testbed.instances()).isEmpty();
        }
        assertThat(vultr.instances).containsExactly(foreign);
        assertThat(vultr.sshKeys).isEmpty();
    }

    @Test
    void aMissingTokenFileIsNamedInTheError() {
        Settings settings = TestSettings.cloud(CloudProvider.VULTR, TESTBED, dir.resolve("absent"), dir.resolve("id_ed25519"),
                REGIONS, "vc2-8c-32gb", server.url("/v2").toString(), 50, false, false);
        assertThatThrownBy(() -> new VultrTestbed(settings)).hasMessageContaining("cannot read token_file " + dir.resolve("absent"));
    }

    /** The one firewall group's rules: nothing from everywhere, the operator only on its ports, one rule per peer. */
    private void assertOnlyThePolicysRules(OperatorAddress expectedOperator) {
        assertThat(vultr.firewallGroups).hasSize(1);
        String groupId = vultr.firewallGroups.get(0).path("id").asText();
        assertThat(vultr.firewallGroups.get(0).path("description").asText())
                .isEqualTo("starfish:testbed=" + TESTBED + " starfish:owner=" + owner().value());
        assertThat(vultr.instances).allSatisfy(i -> assertThat(i.path("firewall_group_id").asText()).isEqualTo(groupId));
        List<ObjectNode> rules = vultr.firewallRules.get(groupId);
        assertThat(rules).noneMatch(r -> r.path("subnet_size").asInt() < 24)
                .allMatch(r -> r.path("protocol").asText().equals("tcp") && r.path("ip_type").asText().equals("v4"));
        var fromOperator = rules.stream().filter(r -> !r.path("notes").asText().equals(FirewallPolicy.PEER_DESCRIPTION)).toList();
        assertThat(fromOperator).allSatisfy(r -> {
            assertThat(r.path("subnet").asText() + "/" + r.path("subnet_size").asInt()).isEqualTo(expectedOperator.cidr());
            String[] ports = r.path("port").asText().split(":");
            int from = Integer.parseInt(ports[0]);
            int to = Integer.parseInt(ports[ports.length - 1]);
            assertThat(to < ValidatorPorts.FIRST_CONSENSUS || from >= ValidatorPorts.FIRST_METRICS)
                    .as("operator rule %s stays off the consensus ports", r.path("port").asText()).isTrue();
        });
        assertThat(fromOperator).extracting(r -> r.path("port").asText())
                .containsExactlyInAnyOrder("22", "3000", "9090", "27000:27999");
        List<String> peers = rules.stream().filter(r -> r.path("notes").asText().equals(FirewallPolicy.PEER_DESCRIPTION))
                .map(r -> r.path("subnet").asText() + "/" + r.path("subnet_size").asInt() + " " + r.path("port").asText())
                .toList();
        assertThat(peers).containsExactlyInAnyOrderElementsOf(vultr.instances.stream()
                .map(i -> i.path("main_ip").asText() + "/32 1:65535").toList());
    }

    @Test
    void everyInstanceSitsBehindTheTestbedsFirewallWhoseRulesFollowTheOperator() {
        try (VultrTestbed testbed = testbed(50)) {
            testbed.deploy(1, Optional.empty());
            assertOnlyThePolicysRules(OPERATOR);

            operator = () -> NEW_OPERATOR;
            testbed.stop();
            testbed.start(0);
            assertOnlyThePolicysRules(NEW_OPERATOR);

            operator = () -> OPERATOR;
            testbed.deploy(1, Optional.of("ams"));
            assertOnlyThePolicysRules(OPERATOR);
        }
        assertThat(vultr.calls("POST", "/v2/firewalls")).hasSize(1);
    }

    @Test
    void anInstanceOutsideTheFirewallIsAttachedToItOnStart() {
        var earlier = vultr.addInstance("ewr", "active", "running", ownTags());
        try (VultrTestbed testbed = testbed(50)) {
            testbed.start(0);
        }
        assertThat(vultr.calls("PATCH", "/v2/instances/" + earlier.path("id").asText())).singleElement()
                .satisfies(c -> assertThat(c.body().path("firewall_group_id").asText())
                        .isEqualTo(vultr.firewallGroups.get(0).path("id").asText()));
        assertOnlyThePolicysRules(OPERATOR);
    }

    @Test
    void aFailedDeployLeavesNoRuleForTheInstancesItRemoved() {
        try (VultrTestbed testbed = testbed(50)) {
            testbed.deploy(1, Optional.of("ewr"));
        }
        ssh = ScriptedSshProbe.neverAnswering();
        try (VultrTestbed testbed = testbed(50)) {
            assertThatThrownBy(() -> testbed.deploy(1, Optional.of("ams"))).isInstanceOf(DeployFailedException.class);
        }
        assertThat(vultr.instances).hasSize(1);
        assertOnlyThePolicysRules(OPERATOR);
    }

    @Test
    void statusAndDestroyNeverAskForTheOperatorsAddressAndDestroyLeavesNothing() {
        try (VultrTestbed testbed = testbed(50)) {
            testbed.deploy(1, Optional.empty());
        }
        operator = () -> {
            throw new AssertionError("the operator's address was asked for");
        };
        try (VultrTestbed testbed = testbed(50)) {
            assertThat(InstanceTable.render(testbed)).contains("ewr (1 instance)");
            testbed.stop();
            testbed.destroy();
        }
        assertThat(vultr.instances).isEmpty();
        assertThat(vultr.sshKeys).isEmpty();
        assertThat(vultr.firewallGroups).isEmpty();
    }

    @Test
    void destroyTakesOnlyThisOwnersResourcesAndForceTakesEveryOwners() {
        var others = vultr.addInstance("ewr", "active", "running", otherOwnersTags());
        try (VultrTestbed testbed = testbed(50)) {
            testbed.deploy(1, Optional.of("ewr"));
            assertThat(testbed.instances()).extracting(Instance::id).doesNotContain(others.path("id").asText());
            testbed.destroy();
            assertThat(vultr.instances).containsExactly(others);

            testbed.destroyIncludingOtherOwners();
        }
        assertThat(vultr.instances).isEmpty();
    }

    @Test
    void aBenchmarkShortOfInstancesStartsTheHaltedOnesFirstThenCreatesTheRestWithinMaxInstances() {
        try (VultrTestbed testbed = testbed(6)) {
            testbed.deploy(1, Optional.empty());
            testbed.stop();
            Settings settings = TestSettings.cloud(CloudProvider.VULTR, TESTBED, dir.resolve("vultr-token"),
                    dir.resolve("id_ed25519"), REGIONS, "vc2-8c-32gb", server.url("/v2").toString(), 6, false, false);
            int created = vultr.calls("POST", "/v2/instances").size();

            assertThatThrownBy(() -> ActiveInstances.ensure(testbed, settings,
                    HostsNeeded.forCommittee(HostTraits.CLOUD, settings, 6, 0), line -> { }))
                    .hasMessageContaining("more than max_instances = 6; nothing was started or created");
            assertThat(vultr.calls("POST", "/v2/instances/start")).isEmpty();

            ActiveInstances.ensure(testbed, settings, HostsNeeded.forCommittee(HostTraits.CLOUD, settings, 3, 1),
                    line -> { });

            assertThat(testbed.instances()).hasSize(6).allMatch(Instance::isActive);
            assertThat(vultr.calls("POST", "/v2/instances/start")).singleElement()
                    .satisfies(c -> assertThat(c.body().path("instance_ids")).hasSize(2));
            assertThat(vultr.calls("POST", "/v2/instances")).hasSize(created + 4);
        }
    }
}
