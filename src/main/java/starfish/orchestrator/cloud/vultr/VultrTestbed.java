package starfish.orchestrator.cloud.vultr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * Vultr instances tagged with the testbed id and the owner token, running Ubuntu 24.04 with the plan given as
 * `specs`, opened with the owner's SSH key and behind the owner's firewall group, whose rules are reconciled on
 * deploy and start. Only those two commands need the operator's address.
 */
public final class VultrTestbed implements CloudTestbed {
    static final String SSH_USER = "root";
    private static final Logger LOG = LoggerFactory.getLogger(VultrTestbed.class);

    private final Settings settings;
    private final SshAccess ssh;
    private final VultrApi api;
    private final VultrTuning tuning;
    private final KnownSecrets redactor;
    private final VultrOwnership ownership;
    private final VultrFirewall firewall;
    private final Supplier<OperatorAddress> operator;

    /**
     * The production wiring: the operator's address from the environment or detected (only when rules are written),
     * the default timings, new instances logged into before deploy returns.
     */
    public VultrTestbed(Settings settings) {
        this(settings, OperatorAddress::fromEnvironmentOrDetect, VultrTuning.defaults(), SshReadiness.login());
    }

    public VultrTestbed(Settings settings, Supplier<OperatorAddress> operator, VultrTuning tuning,
                        SshReadiness sshReadiness) {
        // the settings loader has checked that token_file is given (CloudProvider.VULTR requires it)
        String token = readToken(settings.testbed().tokenFile().orElseThrow());
        this.settings = settings;
        this.ssh = new SshAccess(settings, SSH_USER, sshReadiness);
        this.tuning = tuning;
        this.operator = operator;
        this.redactor = new KnownSecrets(List.of(token));
        this.api = new VultrApi(settings.vultr().apiUrl().orElse(VultrApi.DEFAULT_URL), token, tuning);
        this.ownership = new VultrOwnership(settings.testbed().id(), OwnerToken.of(CloudState.of(settings)), false);
        this.firewall = new VultrFirewall(api, ownership);
    }

    private static String readToken(Path file) {
        try {
            String token = Files.readString(file).trim();
            if (token.isEmpty()) {
                throw new IllegalArgumentException("token_file " + file + " is empty; put the Vultr API key in it");
            }
            return token;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read token_file " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public List<Instance> deploy(int perRegion, Optional<String> region) {
        List<String> targets = region.map(this::configuredRegion).map(List::of).orElse(settings.testbed().regions());
        InstanceLimit.check(settings.testbed().id(), tagged().size(), perRegion * targets.size(),
                settings.testbed().maxInstances());
        String publicKey = ssh.keys().publicKeyText();
        OperatorAddress operatorAddress = operator.get();
        int osId = ubuntuOsId();

        Rollback rollback = new Rollback(settings.testbed().id(), redactor);
        try {
            String sshKeyId = ensureSshKey(publicKey, rollback);
            String firewallId = firewall.ensureGroup(rollback);
            List<String> created = new ArrayList<>();
            for (String r : targets) {
                for (int n = 0; n < perRegion; n++) {
                    created.add(create(r, n, osId, sshKeyId, firewallId, rollback));
                }
            }
            List<Instance> deployed = awaitReady(Set.copyOf(created));
            guard(firewallId, operatorAddress);
            ssh.awaitAnswering(deployed);
            LOG.info("testbed '{}' deployed {} instances in {}", settings.testbed().id(), deployed.size(), targets);
            return deployed;
        } catch (RuntimeException e) {
            DeployFailedException failed = rollback.undo(e);
            revokeGonePeersQuietly();
            throw failed;
        }
    }

    /**
     * Puts every instance of the testbed behind the firewall group (those of an earlier deploy too, should the group
     * have been recreated) and gives the group the policy's rules for the current addresses.
     */
    private void guard(String firewallId, OperatorAddress operatorAddress) {
        List<VultrInstance> owned = tagged();
        for (VultrInstance instance : owned) {
            if (!firewallId.equals(instance.firewallGroupId())) {
                api.patch("/instances/" + instance.id(), Map.of("firewall_group_id", firewallId));
                LOG.info("attached Vultr instance {} to firewall group {}", instance.id(), firewallId);
            }
        }
        firewall.reconcile(firewallId, operatorAddress, addresses(owned));
    }

    private static Set<String> addresses(List<VultrInstance> instances) {
        return instances.stream().map(VultrInstance::mainIp)
                .filter(ip -> ip != null && !ip.isBlank() && !VultrInstance.NO_ADDRESS_YET.equals(ip))
                .collect(Collectors.toSet());
    }

    /** After a failed deploy's rollback: the removed instances' addresses must not stay admitted. */
    private void revokeGonePeersQuietly() {
        try {
            firewall.revokeGonePeers(addresses(tagged()));
        } catch (RuntimeException e) {
            LOG.warn("could not revoke the firewall rules of the removed instances ({}); the next deploy or start will",
                    redactor.redact(e.getMessage()));
        }
    }

    private String configuredRegion(String region) {
        if (!settings.testbed().regions().contains(region)) {
            throw new IllegalArgumentException("region '" + region + "' is not in the settings' regions "
                    + settings.testbed().regions());
        }
        return region;
    }

    /** Vultr's id of Ubuntu 24.04 LTS x64, looked up rather than hard-coded since ids are Vultr's to assign. */
    private int ubuntuOsId() {
        return api.list("/os", Map.of(), "os", VultrOs.class).stream()
                .filter(VultrOs::isUbuntu2404x64).map(VultrOs::id).findFirst()
                .orElseThrow(() -> new IllegalStateException("Vultr lists no Ubuntu 24.04 x64 operating system"));
    }

    private String ensureSshKey(String publicKey, Rollback rollback) {
        Optional<VultrSshKey> existing = sshKey();
        if (existing.isPresent()) {
            return existing.get().id();
        }
        VultrSshKey key = api.post("/ssh-keys", Map.of("name", ownership.sshKeyName(), "ssh_key", publicKey), "ssh_key",
                VultrSshKey.class).orElseThrow(() -> new IllegalStateException("Vultr created an SSH key but did not return it"));
        rollback.created("ssh key " + key.name() + " (" + key.id() + ")", () -> api.delete("/ssh-keys/" + key.id()));
        return key.id();
    }

    private Optional<VultrSshKey> sshKey() {
        return sshKeys(ownership).stream().findFirst();
    }

    private List<VultrSshKey> sshKeys(VultrOwnership owner) {
        return api.list("/ssh-keys", Map.of(), "ssh_keys", VultrSshKey.class).stream().filter(owner::ownsSshKey).toList();
    }

    private String create(String region, int index, int osId, String sshKeyId, String firewallId, Rollback rollback) {
        String label = settings.testbed().id() + "-" + region + "-" + index;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("region", region);
        body.put("plan", settings.testbed().specs());
        body.put("os_id", osId);
        body.put("label", label);
        body.put("hostname", label.toLowerCase().replaceAll("[^a-z0-9-]", "-"));
        body.put("tags", ownership.instanceTags());
        body.put("sshkey_id", List.of(sshKeyId));
        body.put("firewall_group_id", firewallId);
        if (settings.vultr().vpc()) {
            body.put("enable_vpc", true); // gives the instance an internal_ip, for --use-internal-ip-addresses
        }
        VultrInstance instance = api.post("/instances", body, "instance", VultrInstance.class)
                .orElseThrow(() -> new IllegalStateException("Vultr accepted instance " + label + " but did not return it"));
        rollback.created("instance " + instance.id() + " (" + label + ") in " + region,
                () -> api.delete("/instances/" + instance.id()));
        LOG.info("created Vultr instance {} ({}) in {}", instance.id(), label, region);
        return instance.id();
    }

    /** Polls until every instance in `ids` is ready; gives up after the configured number of polls. */
    private List<Instance> awaitReady(Set<String> ids) {
        for (int poll = 1; ; poll++) {
            List<VultrInstance> current = tagged().stream().filter(i -> ids.contains(i.id())).toList();
            Set<String> notReady = ids.stream()
                    .filter(id -> current.stream().noneMatch(i -> i.id().equals(id) && i.ready()))
                    .collect(Collectors.toCollection(TreeSet::new));
            if (notReady.isEmpty()) {
                return sorted(current);
            }
            if (poll >= tuning.maxPolls()) {
                throw new IllegalStateException("Vultr instances " + notReady + " were not ready (active, running, ok, "
                        + "with an address) after " + poll + " polls every " + tuning.pollInterval().toSeconds() + " s");
            }
            tuning.pause(tuning.pollInterval());
        }
    }

    private List<VultrInstance> tagged() {
        return tagged(ownership);
    }

    private List<VultrInstance> tagged(VultrOwnership owner) {
        return api.list("/instances", Map.of("tag", owner.testbedTag()), "instances", VultrInstance.class).stream()
                .filter(owner::owns).toList();
    }

    private List<Instance> sorted(List<VultrInstance> instances) {
        List<String> regions = settings.testbed().regions();
        Comparator<VultrInstance> order = Comparator.comparing((VultrInstance i) -> regions.indexOf(i.region()))
                .thenComparing(i -> String.valueOf(i.dateCreated())).thenComparing(VultrInstance::id);
        return instances.stream().sorted(order).map(VultrInstance::toInstance).toList();
    }

    @Override
    public List<Instance> instances() {
        return sorted(tagged());
    }

    @Override
    public void start(int perRegion) {
        OperatorAddress operatorAddress = operator.get();
        List<String> ids = new ArrayList<>();
        Map<String, List<Instance>> stoppedByRegion = instances().stream().filter(i -> i.status() == InstanceStatus.STOPPED)
                .collect(Collectors.groupingBy(Instance::region, LinkedHashMap::new, Collectors.toList()));
        stoppedByRegion.values().forEach(stopped -> stopped.stream().limit(perRegion > 0 ? perRegion : Long.MAX_VALUE)
                .map(Instance::id).forEach(ids::add));
        if (!ids.isEmpty()) {
            api.post("/instances/start", Map.of("instance_ids", ids));
            awaitReady(Set.copyOf(ids));
            LOG.info("started {} Vultr instances", ids.size());
        }
        // a group that start has to create stays whatever happens next (`destroy` removes it): nothing to roll back
        guard(firewall.ensureGroup(new Rollback(settings.testbed().id(), redactor)), operatorAddress);
    }

    @Override
    public void stop() {
        List<String> ids = instances().stream().filter(i -> i.status() != InstanceStatus.STOPPED).map(Instance::id).toList();
        if (!ids.isEmpty()) {
            api.post("/instances/halt", Map.of("instance_ids", ids));
            LOG.info("halted {} Vultr instances", ids.size());
        }
    }

    /** Deletes the owner's instances of the testbed, then its SSH key and firewall group. */
    @Override
    public void destroy() {
        destroy(ownership);
    }

    /** Also deletes what other owners deployed under the same testbed id. */
    @Override
    public void destroyIncludingOtherOwners() {
        destroy(ownership.sweepingAll(true));
    }

    private void destroy(VultrOwnership sweep) {
        List<String> failures = new ArrayList<>();
        for (VultrInstance instance : tagged(sweep)) {
            try {
                api.delete("/instances/" + instance.id());
            } catch (VultrApiException e) {
                failures.add("instance " + instance.id() + " (" + e.getMessage() + ")");
            }
        }
        for (VultrSshKey key : sshKeys(sweep)) {
            try {
                api.delete("/ssh-keys/" + key.id());
            } catch (VultrApiException e) {
                failures.add("ssh key " + key.name() + " (" + e.getMessage() + ")");
            }
        }
        failures.addAll(new VultrFirewall(api, sweep).delete());
        if (!failures.isEmpty()) {
            throw new IllegalStateException("destroying testbed '" + settings.testbed().id() + "' left "
                    + String.join(", ", failures) + ". Run `testbed destroy` again once the cause is fixed.");
        }
        ssh.forgetHosts();
        LOG.info("destroyed Vultr testbed '{}'", settings.testbed().id());
    }

    @Override
    public SshAccess ssh() {
        return ssh;
    }

    @Override
    public void close() {
        ssh.close();
    }
}
