package starfish.orchestrator.cloud.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.ShutdownBehavior;
import software.amazon.awssdk.services.ec2.model.VolumeType;
import starfish.orchestrator.cloud.CloudState;
import starfish.orchestrator.cloud.CloudTestbed;
import starfish.orchestrator.cloud.DeployFailedException;
import starfish.orchestrator.cloud.InstanceLimit;
import starfish.orchestrator.cloud.Rollback;
import starfish.orchestrator.cloud.KnownSecrets;
import starfish.orchestrator.cloud.OperatorAddress;
import starfish.orchestrator.cloud.OwnerToken;
import starfish.orchestrator.cloud.SshAccess;
import starfish.orchestrator.cloud.SshReadiness;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.host.InstanceStatus;

/**
 * EC2 instances in several regions, found by their tags (testbed id and owner token). Each region gets the owner's
 * key pair and security group; instances run Canonical's newest Ubuntu 24.04 image with the type given as `specs`,
 * and terminate when they power themselves off (the dead-man switch). Only the commands that write rules (deploy,
 * start) need the operator's address.
 */
public final class AwsTestbed implements CloudTestbed {
    static final String SSH_USER = "ubuntu";
    static final int ROOT_VOLUME_GIB = 200;
    private static final Logger LOG = LoggerFactory.getLogger(AwsTestbed.class);

    private final Settings settings;
    private final SshAccess ssh;
    private final Ec2Regions regions;
    private final Tags tags;
    private final Ec2Instances ec2Instances;
    private final AccessResources access;
    private final Supplier<OperatorAddress> operator;
    private final KnownSecrets redactor;

    /**
     * The production wiring: the operator's address from the environment or detected (only when rules are written),
     * the SDK's default timings, new instances logged into before deploy returns.
     */
    public static AwsTestbed create(Settings settings) {
        return new AwsTestbed(settings, OperatorAddress::fromEnvironmentOrDetect, AwsTuning.defaults(),
                SshReadiness.login());
    }

    public AwsTestbed(Settings settings, Supplier<OperatorAddress> operator, AwsTuning tuning,
                      SshReadiness sshReadiness) {
        this.settings = settings;
        this.ssh = new SshAccess(settings, SSH_USER, sshReadiness);
        this.operator = operator;
        AwsCredentialsProvider credentials = Ec2Regions.credentials(settings.testbed().tokenFile());
        this.redactor = settings.testbed().tokenFile().isPresent() ? redactorFor(credentials) : new KnownSecrets(List.of());
        this.regions = new Ec2Regions(settings, credentials, tuning);
        this.tags = new Tags(settings.testbed().id(), OwnerToken.of(CloudState.of(settings)), false);
        this.ec2Instances = new Ec2Instances(tags);
        this.access = new AccessResources(tags);
    }

    /** The keys from token_file are known, so any text that might echo them can be masked. */
    private static KnownSecrets redactorFor(AwsCredentialsProvider credentials) {
        var resolved = credentials.resolveCredentials();
        return new KnownSecrets(List.of(resolved.secretAccessKey(), resolved.accessKeyId()));
    }

    @Override
    public List<Instance> deploy(int perRegion, Optional<String> region) {
        List<String> targets = region.map(r -> List.of(regions.require(r))).orElse(regions.names());
        InstanceLimit.check(settings.testbed().id(), instances().size(), perRegion * targets.size(),
                settings.testbed().maxInstances());
        String publicKey = ssh.keys().publicKeyText();
        OperatorAddress operatorAddress = operator.get();
        Map<String, Image> images = new LinkedHashMap<>();
        inEach(targets, "looking up the Ubuntu image", r -> images.put(r, UbuntuImage.newest(regions.client(r), r)));

        Rollback rollback = new Rollback(settings.testbed().id(), redactor);
        try {
            Map<String, List<String>> created = new LinkedHashMap<>();
            for (String r : targets) {
                created.put(r, launch(r, images.get(r), perRegion, publicKey, rollback));
            }
            created.forEach((r, ids) -> regions.waiter(r).waitUntilInstanceRunning(q -> q.instanceIds(ids)));
            reconcileRules(operatorAddress);
            List<Instance> deployed = instances().stream()
                    .filter(i -> created.getOrDefault(i.region(), List.of()).contains(i.id())).toList();
            ssh.awaitAnswering(deployed);
            LOG.info("testbed '{}' deployed {} instances in {}", settings.testbed().id(), deployed.size(), targets);
            return deployed;
        } catch (RuntimeException e) {
            DeployFailedException failed = rollback.undo(Ec2Failure.explain("launching instances", e));
            revokeGonePeersQuietly();
            throw failed;
        }
    }

    private List<String> launch(String region, Image image, int count, String publicKey, Rollback rollback) {
        Ec2Client ec2 = regions.client(region);
        String keyName = access.ensureKeyPair(ec2, region, publicKey, rollback);
        String groupId = access.ensureSecurityGroup(ec2, region, rollback);
        List<String> ids = SpotPurchase.launch(settings.aws().spot(), market -> ec2.runInstances(r -> market.accept(
                r.imageId(image.imageId())
                        .instanceType(settings.testbed().specs())
                        .minCount(count).maxCount(count)
                        .keyName(keyName)
                        .securityGroupIds(groupId)
                        .instanceInitiatedShutdownBehavior(ShutdownBehavior.TERMINATE)
                        .blockDeviceMappings(BlockDeviceMapping.builder()
                                .deviceName(Optional.ofNullable(image.rootDeviceName()).orElse("/dev/sda1"))
                                .ebs(e -> e.volumeSize(ROOT_VOLUME_GIB).volumeType(VolumeType.GP3).deleteOnTermination(true))
                                .build())
                        .tagSpecifications(tags.on(ResourceType.INSTANCE), tags.on(ResourceType.VOLUME))))
                .instances().stream().map(software.amazon.awssdk.services.ec2.model.Instance::instanceId).toList());
        rollback.created("instances " + String.join(", ", ids) + " in " + region,
                Ec2Failure.explained("terminating", () -> terminate(region, ids)));
        LOG.info("launched {} {} instances in {} from {}", ids.size(), settings.testbed().specs(), region, image.imageId());
        return ids;
    }

    @Override
    public List<Instance> instances() {
        List<Instance> all = new ArrayList<>();
        inEach(regions.names(), "listing the instances of testbed '" + settings.testbed().id() + "'",
                region -> all.addAll(ec2Instances.find(regions.client(region), region)));
        return all;
    }

    @Override
    public void start(int perRegion) {
        OperatorAddress operatorAddress = operator.get();
        inEach(regions.names(), "starting instances", region -> {
            List<String> ids = ec2Instances.find(regions.client(region), region).stream()
                    .filter(i -> i.status() == InstanceStatus.STOPPED)
                    .limit(perRegion > 0 ? perRegion : Long.MAX_VALUE)
                    .map(Instance::id).toList();
            if (!ids.isEmpty()) {
                regions.client(region).startInstances(r -> r.instanceIds(ids));
                regions.waiter(region).waitUntilInstanceRunning(q -> q.instanceIds(ids));
                LOG.info("started {} instances in {}", ids.size(), region);
            }
        });
        reconcileRules(operatorAddress);
    }

    /** Every region's group gets the policy's rules: the operator's address, the testbed's current public addresses. */
    private void reconcileRules(OperatorAddress operatorAddress) {
        Set<String> addresses = peerAddresses();
        inEach(regions.names(), "writing the security group rules",
                region -> access.reconcile(regions.client(region), region, operatorAddress, addresses));
    }

    /** The public addresses of the testbed's instances: a stopped or terminated one has none. */
    private Set<String> peerAddresses() {
        return instances().stream().map(Instance::publicIp).filter(ip -> !ip.isEmpty()).collect(Collectors.toSet());
    }

    private void revokeGonePeers() {
        Set<String> addresses = peerAddresses();
        inEach(regions.names(), "revoking the rules of gone instances",
                region -> access.revokeGonePeers(regions.client(region), region, addresses));
    }

    /** After a failed deploy's rollback: its instances' addresses must not stay admitted in a group that survives. */
    private void revokeGonePeersQuietly() {
        try {
            revokeGonePeers();
        } catch (RuntimeException e) {
            LOG.warn("could not revoke the rules of the removed instances ({}); the next deploy, start or stop will",
                    redactor.redact(e.getMessage()));
        }
    }

    @Override
    public void stop() {
        inEach(regions.names(), "stopping instances", region -> {
            List<String> ids = ec2Instances.find(regions.client(region), region).stream()
                    .filter(i -> i.status() == InstanceStatus.ACTIVE || i.status() == InstanceStatus.PENDING)
                    .map(Instance::id).toList();
            if (!ids.isEmpty()) {
                regions.client(region).stopInstances(r -> r.instanceIds(ids));
                regions.waiter(region).waitUntilInstanceStopped(q -> q.instanceIds(ids));
                LOG.info("stopped {} instances in {}", ids.size(), region);
            }
        });
        revokeGonePeers(); // a stopped instance's address goes back to AWS's pool
    }

    private void inEach(List<String> names, String doing, Consumer<String> action) {
        for (String region : names) {
            try {
                action.accept(region);
            } catch (RuntimeException e) {
                throw Ec2Failure.explain(doing + " in " + region, e);
            }
        }
    }

    /** Terminates the owner's instances of the testbed, then its security groups and key pairs, region by region. */
    @Override
    public void destroy() {
        destroy(tags);
    }

    /** Also takes what other owners deployed under the same testbed id. */
    @Override
    public void destroyIncludingOtherOwners() {
        destroy(tags.sweepingAll(true));
    }

    private void destroy(Tags sweep) {
        Ec2Instances swept = new Ec2Instances(sweep);
        AccessResources sweptAccess = new AccessResources(sweep);
        List<String> failures = new ArrayList<>();
        for (String region : regions.names()) {
            try {
                List<String> ids = swept.find(regions.client(region), region).stream().map(Instance::id).toList();
                terminate(region, ids);
                List<String> deleted = sweptAccess.delete(regions.client(region), region);
                LOG.info("destroyed in {}: {} instances, {}", region, ids.size(), deleted);
            } catch (RuntimeException e) {
                failures.add(region + ": " + redactor.redact(Ec2Failure.describe(e)));
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("destroying testbed '" + settings.testbed().id() + "' is incomplete in "
                    + String.join("; ", failures) + ". Run `testbed destroy` again once the cause is fixed.");
        }
        ssh.forgetHosts();
    }

    private void terminate(String region, List<String> ids) {
        if (!ids.isEmpty()) {
            regions.client(region).terminateInstances(r -> r.instanceIds(ids));
            regions.waiter(region).waitUntilInstanceTerminated(q -> q.instanceIds(ids));
        }
    }

    /** With `nvme: true` and a type with instance storage: format the NVMe disk and mount it on the working directory. */
    @Override
    public List<String> preparationCommands() {
        return InstanceStorage.setupCommand(settings.aws().nvme(), regions.client(regions.names().get(0)),
                settings.testbed().specs(), settings.locations().workingDir(), SSH_USER).stream().toList();
    }

    @Override
    public SshAccess ssh() {
        return ssh;
    }

    @Override
    public void close() {
        ssh.close();
        regions.close();
    }
}
