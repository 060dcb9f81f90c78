package starfish.orchestrator.cloud.aws;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.VolumeType;
import starfish.orchestrator.cloud.CloudTestbed;
import starfish.orchestrator.cloud.InstanceLimit;
import starfish.orchestrator.cloud.Rollback;
import starfish.orchestrator.cloud.KnownSecrets;
import starfish.orchestrator.cloud.SshAccess;
import starfish.orchestrator.cloud.SshReadiness;
import starfish.orchestrator.runner.CommandRunner;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.host.InstanceStatus;

/**
 * EC2 instances in several regions, found by their tags. Each region gets the testbed's key pair and security
 * group; instances run Canonical's newest Ubuntu 24.04 image with the type given as `specs`.
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
    private final KnownSecrets redactor;

    /**
     * The production wiring: the operator's address from the environment or detected, the SDK's default timings, new
     * instances logged into before deploy returns.
     */
    public static AwsTestbed create(Settings settings) {
        return new AwsTestbed(settings, OperatorAddress.fromEnvironmentOrDetect(), AwsTuning.defaults(),
                SshReadiness.login());
    }

    public AwsTestbed(Settings settings, OperatorAddress operator, AwsTuning tuning, SshReadiness sshReadiness) {
        this.settings = settings;
        this.ssh = new SshAccess(settings, SSH_USER, sshReadiness);
        AwsCredentialsProvider credentials = Ec2Regions.credentials(settings.testbed().tokenFile());
        this.redactor = settings.testbed().tokenFile().isPresent() ? redactorFor(credentials) : new KnownSecrets(List.of());
        this.regions = new Ec2Regions(settings, credentials, tuning);
        this.tags = new Tags(settings.testbed().id());
        this.ec2Instances = new Ec2Instances(tags);
        this.access = new AccessResources(tags, operator);
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
        Map<String, Image> images = new LinkedHashMap<>();
        inEach(targets, "looking up the Ubuntu image", r -> images.put(r, UbuntuImage.newest(regions.client(r), r)));

        Rollback rollback = new Rollback(settings.testbed().id(), redactor);
        try {
            Map<String, List<String>> created = new LinkedHashMap<>();
            for (String r : targets) {
                created.put(r, launch(r, images.get(r), perRegion, publicKey, rollback));
            }
            created.forEach((r, ids) -> regions.waiter(r).waitUntilInstanceRunning(q -> q.instanceIds(ids)));
            admitPeers();
            List<Instance> deployed = instances().stream()
                    .filter(i -> created.getOrDefault(i.region(), List.of()).contains(i.id())).toList();
            ssh.awaitAnswering(deployed);
            LOG.info("testbed '{}' deployed {} instances in {}", settings.testbed().id(), deployed.size(), targets);
            return deployed;
        } catch (RuntimeException e) {
            throw rollback.undo(Ec2Failure.explain("launching instances", e));
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
        admitPeers();
    }

    /** Every region's group admits the public addresses of all the testbed's instances (they change on start). */
    private void admitPeers() {
        Set<String> addresses = instances().stream().map(Instance::publicIp).filter(ip -> !ip.isEmpty())
                .collect(Collectors.toSet());
        inEach(regions.names(), "admitting the testbed's addresses",
                region -> access.admitPeers(regions.client(region), region, addresses));
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

    /** Terminates every tagged instance, then the security groups and key pairs, region by region. */
    @Override
    public void destroy() {
        List<String> failures = new ArrayList<>();
        for (String region : regions.names()) {
            try {
                List<String> ids = ec2Instances.find(regions.client(region), region).stream().map(Instance::id).toList();
                terminate(region, ids);
                List<String> deleted = access.delete(regions.client(region), region);
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
