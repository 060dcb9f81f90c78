package starfish.orchestrator.cloud.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import starfish.orchestrator.cloud.CapturedLogs;
import starfish.orchestrator.cloud.DeployFailedException;
import starfish.orchestrator.cloud.ScriptedSshProbe;
import starfish.orchestrator.cloud.CloudState;
import starfish.orchestrator.cloud.FirewallPolicy;
import starfish.orchestrator.cloud.OperatorAddress;
import starfish.orchestrator.cloud.OwnerToken;
import starfish.orchestrator.ssh.SshRunner;
import starfish.orchestrator.cloud.TestSettings;
import starfish.orchestrator.settings.CloudProvider;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.settings.SpotPolicy;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.testbed.ActiveInstances;
import starfish.orchestrator.testbed.CommitteeHosts;
import starfish.orchestrator.testbed.HostTraits;
import starfish.orchestrator.testbed.HostsNeeded;
import starfish.orchestrator.testbed.InstanceTable;
import starfish.orchestrator.testbed.TestbedSession;
import starfish.orchestrator.host.InstanceStatus;
import starfish.orchestrator.host.ValidatorPorts;

class AwsTestbedTest {
    private static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY";
    private static final String PUBLIC_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEXAMPLEKEYEXAMPLEKEYEXAMPLEKEYEXAMPLE bench@operator";
    private static final String TESTBED = "bench-aws";
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");
    private static final OperatorAddress OPERATOR = new OperatorAddress("198.51.100.7");
    private static final OperatorAddress NEW_OPERATOR = new OperatorAddress("192.0.2.0/24");

    static {
        // Nothing in these tests may reach the instance metadata service, even by accident.
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    @TempDir
    Path dir;
    private final FakeEc2 ec2 = new FakeEc2();
    private final MockWebServer server = new MockWebServer();
    /** Stands in for SSH to the new instances; a test replaces it before it creates a testbed. */
    private ScriptedSshProbe ssh = ScriptedSshProbe.answering();
    /** The operator's address as the testbed asks for it (a test moves the operator, or makes asking fail). */
    private Supplier<OperatorAddress> operator = () -> OPERATOR;

    @BeforeEach
    void start() throws Exception {
        System.setProperty(CloudState.PROPERTY, dir.resolve("state").toString());
        server.setDispatcher(ec2);
        server.start(InetAddress.getLoopbackAddress(), 0);
        Files.writeString(dir.resolve("credentials"), "[default]\naws_access_key_id = " + ACCESS_KEY
                + "\naws_secret_access_key = " + SECRET_KEY + "\n");
        Files.writeString(dir.resolve("id_ed25519"), "not used by these tests");
        Files.writeString(dir.resolve("id_ed25519.pub"), PUBLIC_KEY + "\n");
    }

    @AfterEach
    void stop() {
        System.clearProperty(CloudState.PROPERTY);
        server.close();
    }

    private Settings settings(int maxInstances, String specs, boolean nvme) {
        return TestSettings.cloud(CloudProvider.AWS, TESTBED, dir.resolve("credentials"), dir.resolve("id_ed25519"),
                REGIONS, specs, server.url("/").toString(), maxInstances, nvme, false);
    }

    private AwsTestbed testbed(int maxInstances) {
        return testbed(settings(maxInstances, "m5d.8xlarge", false));
    }

    private AwsTestbed testbed(Settings settings) {
        var retries = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .backoffStrategy(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(1)))
                .throttlingBackoffStrategy(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(1)))
                .circuitBreakerEnabled(false).maxAttempts(3).build();
        var tuning = new AwsTuning(ClientOverrideConfiguration.builder().retryStrategy(retries).build(),
                WaiterOverrideConfiguration.builder()
                        .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(2))).maxAttempts(10).build());
        return new AwsTestbed(settings, () -> operator.get(), tuning, ssh.readiness());
    }

    /** The token this machine's deploys tag their resources with (recorded by the first testbed created). */
    private OwnerToken owner() {
        return OwnerToken.of(new CloudState(dir.resolve("state").resolve(TESTBED)));
    }

    private Map<String, String> ownTags() {
        return Map.of("Name", TESTBED, Tags.OWNERSHIP_KEY, TESTBED, OwnerToken.TAG_KEY, owner().value());
    }

    private static Map<String, String> otherOwnersTags() {
        return Map.of("Name", TESTBED, Tags.OWNERSHIP_KEY, TESTBED, OwnerToken.TAG_KEY, "0123456789abcdef");
    }

    @Test
    void deployLaunchesTaggedUbuntuInstancesBehindAnOperatorOnlySecurityGroupInEveryRegion() {
        List<Instance> deployed;
        try (AwsTestbed testbed = testbed(50)) {
            deployed = testbed.deploy(2, Optional.empty());
        }

        assertThat(deployed).hasSize(4).allMatch(Instance::isActive)
                .allMatch(i -> i.publicIp().startsWith("203.0.113.") && i.internalIp().startsWith("10.0.0."));
        assertThat(deployed).extracting(Instance::region).containsExactly("us-east-1", "us-east-1", "eu-west-1", "eu-west-1");
        for (String region : REGIONS) {
            FakeEc2.Call images = ec2.calls("DescribeImages").stream().filter(c -> c.region().equals(region)).findFirst().orElseThrow();
            assertThat(images.values("Owner")).containsExactly("099720109477");
            assertThat(images.filters()).containsEntry("name", List.of("ubuntu/images/hvm-ssd*/ubuntu-noble-24.04-amd64-server-*"))
                    .containsEntry("state", List.of("available"));

            FakeEc2.Call key = single("ImportKeyPair", region);
            assertThat(key.params()).containsEntry("KeyName", TESTBED + "-" + owner().shortForm())
                    .containsEntry("PublicKeyMaterial", Base64.getEncoder().encodeToString(PUBLIC_KEY.getBytes(StandardCharsets.UTF_8)));
            assertThat(key.tagsFor("key-pair")).isEqualTo(ownTags());

            FakeEc2.Call group = single("CreateSecurityGroup", region);
            assertThat(group.params()).containsEntry("GroupName", TESTBED + "-" + owner().shortForm());
            assertThat(group.tagsFor("security-group")).isEqualTo(ownTags());
            String groupId = ec2.securityGroups.stream().filter(g -> g.region().equals(region)).findFirst().orElseThrow().id();
            String operator = "198.51.100.7/32";
            assertThat(ec2.ingress.get(groupId)).containsExactlyInAnyOrder(
                    new FakeEc2.Rule("tcp", "22", "22", operator, "ssh from the operator", null),
                    new FakeEc2.Rule("tcp", "3000", "3000", operator, "grafana from the operator", null),
                    new FakeEc2.Rule("tcp", "9090", "9090", operator, "prometheus from the operator", null),
                    new FakeEc2.Rule("tcp", "27000", "27999", operator, "validator metrics from the operator", null),
                    new FakeEc2.Rule("-1", null, null, null, "the testbed's own instances", groupId),
                    peer(deployed.get(0)), peer(deployed.get(1)), peer(deployed.get(2)), peer(deployed.get(3)));
            assertThat(ec2.calls("AuthorizeSecurityGroupIngress")).allSatisfy(c -> assertThat(c.params().values())
                    .doesNotContain("0.0.0.0/0"));

            FakeEc2.Call run = single("RunInstances", region);
            assertThat(run.params()).containsEntry("ImageId", "ami-0new").containsEntry("InstanceType", "m5d.8xlarge")
                    .containsEntry("MinCount", "2").containsEntry("MaxCount", "2")
                    .containsEntry("KeyName", TESTBED + "-" + owner().shortForm())
                    .containsEntry("InstanceInitiatedShutdownBehavior", "terminate")
                    .containsEntry("SecurityGroupId.1", groupId)
                    .containsEntry("BlockDeviceMapping.1.DeviceName", "/dev/sda1")
                    .containsEntry("BlockDeviceMapping.1.Ebs.VolumeSize", "200");
            assertThat(run.tagsFor("instance")).isEqualTo(ownTags());
            assertThat(run.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/")
                    .contains("/" + region + "/ec2/aws4_request");
        }
    }

    private static FakeEc2.Rule peer(Instance instance) {
        return new FakeEc2.Rule("-1", null, null, instance.publicIp() + "/32", FirewallPolicy.PEER_DESCRIPTION, null);
    }

    private FakeEc2.Call single(String action, String region) {
        List<FakeEc2.Call> calls = ec2.calls(action).stream().filter(c -> c.region().equals(region)).toList();
        assertThat(calls).as(action + " in " + region).hasSize(1);
        return calls.get(0);
    }

    @Test
    void instancesFollowNextTokenAndAskOnlyForTheTestbedsLiveInstances() {
        ec2.instancePageSize = 1;
        ec2.addInstance("us-east-1", "running", ownTags());
        ec2.addInstance("us-east-1", "stopped", ownTags());
        ec2.addInstance("us-east-1", "running", ownTags());
        ec2.addInstance("us-east-1", "running", Map.of("Name", TESTBED)); // same name, not ours
        ec2.addInstance("us-east-1", "running", otherOwnersTags()); // same testbed id, someone else's deploy
        ec2.addInstance("eu-west-1", "terminated", ownTags());

        List<Instance> instances;
        try (AwsTestbed testbed = testbed(50)) {
            instances = testbed.instances();
        }

        assertThat(instances).extracting(Instance::status)
                .containsExactly(InstanceStatus.ACTIVE, InstanceStatus.STOPPED, InstanceStatus.ACTIVE);
        assertThat(ec2.calls("DescribeInstances")).anyMatch(c -> "1".equals(c.params().get("NextToken")))
                .anyMatch(c -> "2".equals(c.params().get("NextToken")))
                .allSatisfy(c -> assertThat(c.filters()).containsEntry("tag:Name", List.of(TESTBED))
                        .containsEntry("tag:" + Tags.OWNERSHIP_KEY, List.of(TESTBED))
                        .containsEntry("tag:" + OwnerToken.TAG_KEY, List.of(owner().value()))
                        .containsEntry("instance-state-name", List.of("pending", "running", "stopping", "stopped")));
    }

    @Test
    void deployBeyondMaxInstancesFailsBeforeCreatingAnything() {
        ec2.addInstance("us-east-1", "running", ownTags());
        ec2.addInstance("eu-west-1", "running", ownTags());

        try (AwsTestbed testbed = testbed(3)) {
            assertThatThrownBy(() -> testbed.deploy(1, Optional.empty()))
                    .hasMessageContaining("max_instances = 3").hasMessageContaining("nothing was created");
        }

        assertThat(ec2.calls).extracting(FakeEc2.Call::action).containsOnly("DescribeInstances");
    }

    @Test
    void aDeployThatFailsHalfWayRemovesWhatItCreated() {
        ec2.fail(c -> c.action().equals("RunInstances") && c.region().equals("eu-west-1"), 1, 400,
                "InstanceLimitExceeded", "You have requested more instances (2) than your current instance limit of 0 allows");

        try (AwsTestbed testbed = testbed(50)) {
            assertThatThrownBy(() -> testbed.deploy(2, Optional.empty()))
                    .isInstanceOf(DeployFailedException.class)
                    .hasMessageContaining("InstanceLimitExceeded")
                    .hasMessageContaining("everything the deploy created was removed")
                    .satisfies(e -> assertThat(((DeployFailedException) e).leftOver()).isEmpty());
        }

        assertThat(ec2.instances).allMatch(i -> i.state.equals("terminated")).hasSize(2);
        assertThat(ec2.securityGroups).isEmpty();
        assertThat(ec2.keyPairs).isEmpty();
    }

    @Test
    void aRollbackThatCannotTerminateNamesWhatIsLeftAndHowToRemoveIt() {
        ec2.fail(c -> c.action().equals("RunInstances") && c.region().equals("eu-west-1"), 1, 400,
                "InsufficientInstanceCapacity", "We currently do not have sufficient m5d.8xlarge capacity");
        ec2.fail(c -> c.action().equals("TerminateInstances"), 1, 403, "UnauthorizedOperation",
                "You are not authorized to perform this operation.");

        try (AwsTestbed testbed = testbed(50)) {
            assertThatThrownBy(() -> testbed.deploy(2, Optional.empty()))
                    .isInstanceOf(DeployFailedException.class)
                    .hasMessageContaining("instances " + ec2.instances.get(0).id + ", " + ec2.instances.get(1).id + " in us-east-1")
                    .hasMessageContaining("terminating failed: UnauthorizedOperation")
                    .hasMessageContaining("`testbed destroy`").hasMessageContaining("tagged '" + TESTBED + "'");
        }
    }

    @Test
    void deployReturnsOnceEveryNewInstanceAnswersSsh() {
        ssh = ScriptedSshProbe.refusingFirst(2);
        List<Instance> deployed;
        try (AwsTestbed testbed = testbed(50)) {
            deployed = testbed.deploy(1, Optional.empty());
        }

        ssh.assertCheckedUntilAnswered(deployed);
    }

    @Test
    void anInstanceThatNeverAnswersSshRollsTheDeployBack() {
        ssh = ScriptedSshProbe.neverAnswering();
        try (AwsTestbed testbed = testbed(50)) {
            ssh.assertDeployGivesUpAndRollsBack(() -> testbed.deploy(1, Optional.empty()), "ubuntu");
        }

        assertThat(ec2.instances).hasSize(2).allMatch(i -> i.state.equals("terminated"));
        assertThat(ec2.securityGroups).isEmpty();
        assertThat(ec2.keyPairs).isEmpty();
    }

    @Test
    void aServerErrorIsRetriedAndAPersistentOneIsReported() {
        ec2.fail(c -> c.action().equals("DescribeImages"), 1, 500, "InternalError", "An internal error has occurred");
        try (AwsTestbed testbed = testbed(50)) {
            assertThat(testbed.deploy(1, Optional.of("us-east-1"))).hasSize(1);
        }

        ec2.fail(c -> c.action().equals("DescribeImages"), 100, 503, "Unavailable", "The server is overloaded");
        try (AwsTestbed testbed = testbed(50)) {
            assertThatThrownBy(() -> testbed.deploy(1, Optional.of("eu-west-1"))).hasMessageContaining("Unavailable");
        }
        assertThat(ec2.calls("RunInstances")).hasSize(1);
    }

    @Test
    void aRequestLimitIsRetriedAndAPersistentOneIsReportedByItsCode() {
        ec2.fail(c -> c.action().equals("RunInstances"), 1, 429, "RequestLimitExceeded", "Request limit exceeded.");
        try (AwsTestbed testbed = testbed(50)) {
            assertThat(testbed.deploy(1, Optional.of("us-east-1"))).hasSize(1);
        }
        assertThat(ec2.calls("RunInstances")).hasSize(2);
        assertThat(ec2.instances).hasSize(1);

        ec2.fail(c -> c.action().equals("DescribeInstances"), 100, 429, "RequestLimitExceeded", "Request limit exceeded.");
        int listingsBefore = ec2.calls("DescribeInstances").size();
        try (CapturedLogs logs = new CapturedLogs(); AwsTestbed testbed = testbed(50)) {
            assertThatThrownBy(testbed::instances)
                    .hasMessageContaining("listing the instances of testbed '" + TESTBED + "' in us-east-1 failed")
                    .hasMessageContaining("RequestLimitExceeded: Request limit exceeded. (HTTP 429)")
                    .satisfies(e -> assertThat(fullText(e)).doesNotContain(SECRET_KEY).doesNotContain(ACCESS_KEY));
            assertThat(logs.text()).doesNotContain(SECRET_KEY).doesNotContain(ACCESS_KEY);
        }
        assertThat(ec2.calls("DescribeInstances").size() - listingsBefore).as("a try and two retries (maxAttempts 3)")
                .isEqualTo(3);
    }

    @Test
    void rejectedCredentialsNeverAppearInTheErrorOrTheLogs() {
        ec2.fail(c -> true, 100, 401, "AuthFailure", "AWS was not able to validate the provided access credentials");

        try (CapturedLogs logs = new CapturedLogs(); AwsTestbed testbed = testbed(50)) {
            assertThatThrownBy(testbed::instances).hasMessageContaining("refused the credentials (HTTP 401)")
                    .satisfies(e -> assertThat(fullText(e)).doesNotContain(SECRET_KEY));
            assertThatThrownBy(testbed::destroy).hasMessageContaining("HTTP 401")
                    .satisfies(e -> assertThat(fullText(e)).doesNotContain(SECRET_KEY).doesNotContain(ACCESS_KEY));
            assertThat(logs.text()).doesNotContain(SECRET_KEY);
        }
        assertThat(ec2.calls).allSatisfy(c -> assertThat(c.params().toString()).doesNotContain(SECRET_KEY));
    }

    private static String fullText(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }

    @Test
    void destroyTerminatesInstancesThenDeletesGroupsAndKeysInEveryRegion() throws Exception {
        FakeEc2.FakeInstance foreign = ec2.addInstance("us-east-1", "running", Map.of("Name", "someone-else"));
        Path knownHosts = dir.resolve("state").resolve(TESTBED).resolve("known_hosts");
        try (AwsTestbed testbed = testbed(50)) {
            testbed.deploy(1, Optional.empty());
            assertThat(testbed.commandRunner()).isInstanceOf(SshRunner.class).isSameAs(testbed.commandRunner());
            Files.writeString(knownHosts, "203.0.113.10 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOLDHOSTKEY\n");
            testbed.destroy();
            assertThat(testbed.instances()).isEmpty();
        }
        assertThat(knownHosts).doesNotExist();

        assertThat(ec2.instances).filteredOn(i -> i != foreign).hasSize(2).allMatch(i -> i.state.equals("terminated"));
        assertThat(foreign.state).isEqualTo("running");
        assertThat(ec2.securityGroups).isEmpty();
        assertThat(ec2.keyPairs).isEmpty();
        for (String region : REGIONS) {
            assertThat(ec2.calls("DeleteSecurityGroup")).anyMatch(c -> c.region().equals(region));
            assertThat(ec2.calls("DeleteKeyPair")).anyMatch(c -> c.region().equals(region));
        }
    }

    @Test
    void stopAndStartMoveInstancesBetweenStoppedAndActive() {
        try (AwsTestbed testbed = testbed(50)) {
            testbed.deploy(2, Optional.of("us-east-1"));
            testbed.stop();
            assertThat(testbed.instances()).extracting(Instance::status).containsOnly(InstanceStatus.STOPPED);

            testbed.start(1);
            List<Instance> after = testbed.instances();
            assertThat(after).extracting(Instance::status)
                    .containsExactlyInAnyOrder(InstanceStatus.ACTIVE, InstanceStatus.STOPPED);
            List<FakeEc2.Rule> peers = ec2.ingress.values().iterator().next().stream()
                    .filter(r -> FirewallPolicy.PEER_DESCRIPTION.equals(r.description())).toList();
            assertThat(peers).containsExactly(peer(after.stream().filter(Instance::isActive).findFirst().orElseThrow()));
        }
    }

    @Test
    void instanceStorageIsMountedOnlyWhenAskedForAndTheTypeHasIt() {
        try (AwsTestbed withDisk = testbed(settings(50, "m5d.8xlarge", true));
             AwsTestbed withoutDisk = testbed(settings(50, "m5.8xlarge", true));
             AwsTestbed notAsked = testbed(settings(50, "m5d.8xlarge", false))) {
            assertThat(withDisk.preparationCommands()).singleElement().satisfies(command -> assertThat(command)
                    .startsWith("mountpoint -q \"$HOME/working_dir\" || ")
                    .contains("mkfs.ext4 -F -q /dev/nvme1n1").contains("mount /dev/nvme1n1 \"$HOME/working_dir\""));
            assertThat(withoutDisk.preparationCommands()).isEmpty();
            assertThat(notAsked.preparationCommands()).isEmpty();
        }
    }

    @Test
    void theStatusTableShowsEachRegionWithTheSshCommand() {
        try (AwsTestbed testbed = testbed(50)) {
            testbed.deploy(1, Optional.empty());
            String table = InstanceTable.render(testbed);
            assertThat(table).contains("us-east-1 (1 instance)").contains("eu-west-1 (1 instance)")
                    .contains("ssh -i " + dir.resolve("id_ed25519") + " ubuntu@203.0.113.");
        }
    }

    private Settings buying(SpotPolicy policy) {
        Settings settings = settings(50, "m5d.8xlarge", false);
        return settings.withAws(new Settings.Aws(settings.aws().endpointUrl(), false, policy));
    }

    @Test
    void spotInstancesAreRequestedAsOneTimeSpotThatTerminatesWhenReclaimed() {
        try (AwsTestbed testbed = testbed(buying(SpotPolicy.SPOT))) {
            testbed.deploy(1, Optional.empty());
        }
        assertThat(ec2.calls("RunInstances")).hasSize(2).allSatisfy(run -> assertThat(run.params())
                .containsEntry("InstanceMarketOptions.MarketType", "spot")
                .containsEntry("InstanceMarketOptions.SpotOptions.SpotInstanceType", "one-time")
                .containsEntry("InstanceMarketOptions.SpotOptions.InstanceInterruptionBehavior", "terminate"));
    }

    @Test
    void mixedFallsBackToOnDemandWhereSpotHasNoCapacityAndOnDemandBuysNoSpot() {
        ec2.fail(c -> c.action().equals("RunInstances") && c.region().equals("eu-west-1"), 1, 400,
                "InsufficientInstanceCapacity", "There is no Spot capacity available that matches your request.");
        try (AwsTestbed testbed = testbed(buying(SpotPolicy.MIXED))) {
            assertThat(testbed.deploy(1, Optional.empty())).hasSize(2);
        }
        List<FakeEc2.Call> runs = ec2.calls("RunInstances");
        assertThat(runs).filteredOn(c -> c.region().equals("us-east-1")).singleElement()
                .satisfies(run -> assertThat(run.params()).containsEntry("InstanceMarketOptions.MarketType", "spot"));
        assertThat(runs).filteredOn(c -> c.region().equals("eu-west-1")).hasSize(2).last()
                .satisfies(run -> assertThat(run.params()).doesNotContainKey("InstanceMarketOptions.MarketType"));

        ec2.calls.clear();
        try (AwsTestbed testbed = testbed(buying(SpotPolicy.ON_DEMAND))) {
            testbed.deploy(1, Optional.empty());
        }
        assertThat(ec2.calls("RunInstances")).allSatisfy(run -> assertThat(run.params().keySet())
                .noneMatch(key -> key.startsWith("InstanceMarketOptions")));
    }

    /** Every rule of every group: nothing from everywhere; the operator only on its ports, never on consensus ports. */
    private void assertOnlyThePolicysRules(OperatorAddress expectedOperator) {
        assertThat(ec2.securityGroups).isNotEmpty();
        for (FakeEc2.Resource group : ec2.securityGroups) {
            List<FakeEc2.Rule> rules = ec2.ingress.getOrDefault(group.id(), List.of());
            assertThat(rules).noneMatch(r -> "0.0.0.0/0".equals(r.cidr()));
            List<FakeEc2.Rule> fromOutside = rules.stream()
                    .filter(r -> r.sourceGroup() == null && !FirewallPolicy.PEER_DESCRIPTION.equals(r.description())).toList();
            assertThat(fromOutside).allSatisfy(r -> {
                assertThat(r.cidr()).isEqualTo(expectedOperator.cidr());
                assertThat(r.protocol()).isEqualTo("tcp");
                int from = Integer.parseInt(r.fromPort());
                int to = Integer.parseInt(r.toPort());
                assertThat(to < ValidatorPorts.FIRST_CONSENSUS || from >= ValidatorPorts.FIRST_METRICS)
                        .as("operator rule %s-%s stays off the consensus ports", from, to).isTrue();
            });
            assertThat(fromOutside).extracting(FakeEc2.Rule::fromPort).containsExactlyInAnyOrder("22", "3000", "9090", "27000");
            List<String> running = ec2.instances.stream().filter(i -> i.state.equals("running")).map(i -> i.id).toList();
            assertThat(rules).filteredOn(r -> FirewallPolicy.PEER_DESCRIPTION.equals(r.description()))
                    .allMatch(r -> r.protocol().equals("-1") && r.cidr().endsWith("/32")).hasSize(running.size());
        }
    }

    @Test
    void theRulesFollowAChangedOperatorAddressOnStartAndDeploy() {
        try (AwsTestbed testbed = testbed(50)) {
            testbed.deploy(1, Optional.empty());
            assertOnlyThePolicysRules(OPERATOR);

            operator = () -> NEW_OPERATOR;
            testbed.start(0);
            assertOnlyThePolicysRules(NEW_OPERATOR);

            operator = () -> OPERATOR;
            testbed.deploy(1, Optional.of("eu-west-1"));
            assertOnlyThePolicysRules(OPERATOR);
        }
    }

    @Test
    void anOperatorRangeWiderThanASlash24IsRefusedBeforeAnythingIsCreated() {
        operator = () -> new OperatorAddress("198.51.0.0/16");
        try (AwsTestbed testbed = testbed(50)) {
            assertThatThrownBy(() -> testbed.deploy(1, Optional.empty())).hasMessageContaining("a /24 to /32");
        }
        assertThat(ec2.calls("RunInstances")).isEmpty();
        assertThat(ec2.calls("CreateSecurityGroup")).isEmpty();
    }

    @Test
    void statusAndDestroyNeverAskForTheOperatorsAddress() {
        try (AwsTestbed testbed = testbed(50)) {
            testbed.deploy(1, Optional.empty());
        }
        operator = () -> {
            throw new AssertionError("the operator's address was asked for");
        };
        try (AwsTestbed testbed = testbed(50)) {
            assertThat(InstanceTable.render(testbed)).contains("us-east-1 (1 instance)");
            testbed.stop();
            testbed.destroy();
        }
        assertThat(ec2.instances).allMatch(i -> i.state.equals("terminated"));
        assertThat(ec2.securityGroups).isEmpty();
    }

    @Test
    void stopRevokesThePeerRulesOfTheStoppedInstances() {
        try (AwsTestbed testbed = testbed(50)) {
            testbed.deploy(1, Optional.empty());
            testbed.stop();
        }
        assertThat(ec2.ingress.values()).allSatisfy(rules -> assertThat(rules)
                .noneMatch(r -> FirewallPolicy.PEER_DESCRIPTION.equals(r.description())));
        assertOnlyThePolicysRules(OPERATOR);
    }

    @Test
    void aFailedDeployRevokesThePeerRulesOfTheInstancesItRemoved() {
        try (AwsTestbed testbed = testbed(50)) {
            testbed.deploy(1, Optional.empty());
            ssh = ScriptedSshProbe.neverAnswering();
        }
        try (AwsTestbed testbed = testbed(50)) {
            assertThatThrownBy(() -> testbed.deploy(1, Optional.empty())).isInstanceOf(DeployFailedException.class);
        }
        assertThat(ec2.instances.stream().filter(i -> i.state.equals("running"))).hasSize(2);
        assertOnlyThePolicysRules(OPERATOR);
    }

    @Test
    void destroyTakesOnlyThisOwnersResourcesAndForceTakesEveryOwners() {
        FakeEc2.FakeInstance others = ec2.addInstance("us-east-1", "running", otherOwnersTags());
        try (AwsTestbed testbed = testbed(50)) {
            testbed.deploy(1, Optional.empty());
            testbed.destroy();
            assertThat(others.state).isEqualTo("running");
            assertThat(ec2.instances).filteredOn(i -> i != others).allMatch(i -> i.state.equals("terminated"));

            testbed.destroyIncludingOtherOwners();
        }
        assertThat(others.state).isEqualTo("terminated");
        assertThat(ec2.calls("DescribeInstances")).last().satisfies(c -> assertThat(c.filters())
                .containsEntry("tag:" + Tags.OWNERSHIP_KEY, List.of(TESTBED)).doesNotContainKey("tag:" + OwnerToken.TAG_KEY));
    }

    /** What a benchmark of `committee` validators with `spares` needs on this testbed's settings. */
    private HostsNeeded needed(int maxInstances, int committee, int spares) {
        return HostsNeeded.forCommittee(HostTraits.CLOUD, settings(maxInstances, "m5d.8xlarge", false), committee,
                spares);
    }

    @Test
    void aBenchmarkShortOfInstancesStartsTheStoppedOnesFirstThenDeploysTheRest() {
        List<String> progress = new ArrayList<>();
        try (AwsTestbed testbed = testbed(50)) {
            testbed.deploy(1, Optional.empty());
            testbed.stop();
            int firstLaunches = ec2.calls("RunInstances").size();

            ActiveInstances.ensure(testbed, settings(50, "m5d.8xlarge", false), needed(50, 4, 1), progress::add);

            assertThat(testbed.instances()).hasSize(6).allMatch(Instance::isActive);
            assertThat(ec2.calls("StartInstances")).hasSize(2); // one stopped instance per region
            assertThat(ec2.calls("RunInstances")).hasSize(firstLaunches + 2); // then 2 new ones per region
            assertThat(ec2.calls.indexOf(ec2.calls("StartInstances").get(0)))
                    .isLessThan(ec2.calls.indexOf(ec2.calls("RunInstances").get(firstLaunches)));
        }
        assertThat(progress).containsExactly(
                "aws testbed 'bench-aws': 0 active instance(s), the runs need 6 (committee 4 + 1 monitoring host"
                        + " + 1 spare)",
                "starting 2 stopped instance(s) (at most 1 per region) ...",
                "2 instance(s) active",
                "deploying 2 new instance(s) per region in us-east-1, eu-west-1 ...",
                "6 instance(s) active");
    }

    @Test
    void aBenchmarkWithEnoughActiveInstancesTouchesNothing() {
        List<String> progress = new ArrayList<>();
        try (AwsTestbed testbed = testbed(50)) {
            testbed.deploy(3, Optional.empty());
            int calls = ec2.calls.size();

            ActiveInstances.ensure(testbed, settings(50, "m5d.8xlarge", false), needed(50, 4, 1), progress::add);

            assertThat(ec2.calls.subList(calls, ec2.calls.size())).extracting(FakeEc2.Call::action)
                    .containsOnly("DescribeInstances");
        }
        assertThat(progress).isEmpty();
    }

    @Test
    void maxInstancesRefusesAShortfallBeforeAnythingIsStartedOrCreated() {
        try (AwsTestbed testbed = testbed(5)) {
            testbed.deploy(1, Optional.empty());
            testbed.stop();
            int launches = ec2.calls("RunInstances").size();

            assertThatThrownBy(() -> ActiveInstances.ensure(testbed, settings(5, "m5d.8xlarge", false),
                    needed(5, 4, 1), line -> { }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the runs need 6 active instances (committee 4 + 1 monitoring host + 1 spare)")
                    .hasMessageContaining("0 active and 2 stopped, so 4 new ones would make 6 instances, more than"
                            + " max_instances = 5; nothing was started or created");
            assertThat(ec2.calls("StartInstances")).isEmpty();
            assertThat(ec2.calls("RunInstances")).hasSize(launches);
        }
    }

    @Test
    void aSpareTakesTheHostOfAReclaimedSpotInstanceAndTheTestbedIsToppedUpAgain() {
        Settings settings = buying(SpotPolicy.SPOT);
        try (AwsTestbed testbed = testbed(settings)) {
            ActiveInstances.ensure(testbed, settings, needed(50, 4, 1), line -> { });
            List<Instance> before = testbed.instances();
            Map<String, String> roles = CommitteeHosts.roles(HostTraits.CLOUD, settings, before, 4);
            assertThat(roles.values()).containsExactly("monitoring", "validator 0", "validator 1", "validator 2",
                    "validator 3", "spare");
            String spare = roles.entrySet().stream().filter(e -> e.getValue().equals("spare")).findFirst()
                    .orElseThrow().getKey();
            String reclaimed = roles.entrySet().stream().filter(e -> e.getValue().equals("validator 1")).findFirst()
                    .orElseThrow().getKey();
            ec2.instances.stream().filter(i -> i.id.equals(reclaimed)).findFirst().orElseThrow().state = "terminated";

            List<Instance> left = testbed.instances().stream().filter(Instance::isActive).toList();
            assertThat(CommitteeHosts.validators(HostTraits.CLOUD, settings, left, 4)).extracting(Instance::id)
                    .contains(spare).doesNotContain(reclaimed);

            ActiveInstances.ensure(testbed, settings, needed(50, 4, 1), line -> { });
            assertThat(testbed.instances().stream().filter(Instance::isActive)).hasSize(7); // one per region: 2 new
        }
    }

    @Test
    void destroyTestbedAfterDestroysWhatTheCommandStartedAndDeployedAlsoWhenItFails() {
        AwsTestbed testbed = testbed(50);
        testbed.deploy(1, Optional.empty());
        testbed.stop();

        assertThatThrownBy(() -> {
            try (TestbedSession session = TestbedSession.forCommand(settings(50, "m5d.8xlarge", false), testbed,
                    needed(50, 2, 0), true, line -> { })) {
                assertThat(session.provider().instances()).hasSize(4).allMatch(Instance::isActive);
                throw new IllegalStateException("the benchmark failed");
            }
        }).hasMessage("the benchmark failed");

        assertThat(ec2.instances).hasSize(4).allMatch(i -> i.state.equals("terminated"));
    }

    @Test
    void withoutDestroyTestbedAfterACommandKeepsWhatItStartedAndDeployed() {
        AwsTestbed testbed = testbed(50);

        TestbedSession.forCommand(settings(50, "m5d.8xlarge", false), testbed, needed(50, 2, 1), false, line -> { })
                .close();

        assertThat(ec2.instances).hasSize(4).allMatch(i -> i.state.equals("running"));
    }
}
