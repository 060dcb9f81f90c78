package starfish.orchestrator.netns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import starfish.orchestrator.runner.CommandRunner;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.ssh.SshRunner;
import starfish.orchestrator.testbed.FileTrees;
import starfish.orchestrator.testbed.HostTraits;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.host.InstanceStatus;
import starfish.orchestrator.testbed.TestbedProvider;

/**
 * `cloud_provider: netns`: hosts are Linux network namespaces on this machine, each with its own addresses in
 * 198.18.0.0/15, its own home directory and a real OpenSSH sshd, reached only over SSH as root, exactly like cloud
 * hosts. What exists is recorded in a state directory (default /var/lib/starfish/netns/&lt;testbed_id&gt;, or the
 * system property starfish.netns.state-dir as the root), so that a later process can report, stop, start, repair
 * or destroy it.
 */
public final class NetnsTestbed implements TestbedProvider {
    private static final Logger LOG = LoggerFactory.getLogger(NetnsTestbed.class);
    public static final String STATE_ROOT_PROPERTY = "starfish.netns.state-dir";
    private static final Path DEFAULT_STATE_ROOT = Path.of("/var/lib/starfish/netns");
    // sshd starts in well under a second on an idle machine; a CI box running validators beside it needs far longer
    private static final Duration MIN_BOOT_WAIT = Duration.ofSeconds(60);

    private final Settings settings;
    private final NetnsNaming naming;
    private final Path stateRoot;
    private final Path stateDir;
    private SshRunner runner;

    public NetnsTestbed(Settings settings) {
        this(settings, Path.of(System.getProperty(STATE_ROOT_PROPERTY, DEFAULT_STATE_ROOT.toString())));
    }

    public NetnsTestbed(Settings settings, Path stateRoot) {
        this.settings = settings;
        this.naming = NetnsNaming.of(settings.testbed().id());
        this.stateRoot = stateRoot.toAbsolutePath();
        this.stateDir = this.stateRoot.resolve(settings.testbed().id());
    }

    /** Where this testbed keeps its state, keys and host homes. */
    public Path stateDir() {
        return stateDir;
    }

    /** Ensures `perRegion` running hosts in each region (or in `region`): reuses, repairs or creates them. */
    @Override
    public synchronized List<Instance> deploy(int perRegion, Optional<String> region) {
        NetnsRequirements.check();
        List<Integer> regions = targetRegions(region);
        createStateDir();
        NetnsState state = NetnsState.load(stateDir).orElseGet(this::newState);
        state.save(stateDir);
        removeOrphans(state);
        NetnsNetwork network = new NetnsNetwork(naming, new AddressPlan(state.slot()));
        network.ensureBridge();
        repairBroken(state, network);
        for (int regionIndex : regions) {
            List<NetnsHost> present = state.inRegion(regionIndex);
            int next = present.stream().mapToInt(NetnsHost::hostIndex).max().orElse(-1) + 1;
            for (int missing = perRegion - present.size(); missing > 0; missing--, next++) {
                NetnsHost host = newHost(state, regionIndex, next);
                checkCapacity(state.hosts().size() + 1);
                state = state.with(host);
                state.save(stateDir);
                network.create(host);
            }
        }
        NetnsState deployed = state;
        List<NetnsHost> hosts = regions.stream().flatMap(r -> deployed.inRegion(r).stream()).toList();
        boot(hosts);
        LOG.info("netns testbed {}: {} host(s) running", settings.testbed().id(), hosts.size());
        return instances();
    }

    @Override
    public synchronized List<Instance> instances() {
        NetnsRequirements.check();
        Optional<NetnsState> state = NetnsState.load(stateDir);
        if (state.isEmpty()) {
            return List.of();
        }
        Set<String> namespaces = NetnsNetwork.namespaces();
        return state.get().hosts().stream().map(host -> new Instance(host.namespace(), host.region(),
                host.publicIp(), host.internalIp(), status(host, namespaces))).toList();
    }

    @Override
    public synchronized void start(int perRegion) {
        NetnsRequirements.check();
        NetnsState state = existingState();
        List<NetnsHost> hosts = new ArrayList<>();
        Set<String> namespaces = NetnsNetwork.namespaces();
        for (int regionIndex = 0; regionIndex < settings.testbed().regions().size(); regionIndex++) {
            // the hosts that are down, as on the clouds: a benchmark starting what it lacks must not pick running ones
            List<NetnsHost> down = state.inRegion(regionIndex).stream()
                    .filter(host -> status(host, namespaces) != InstanceStatus.ACTIVE).toList();
            hosts.addAll(perRegion <= 0 ? down : down.subList(0, Math.min(perRegion, down.size())));
        }
        List<NetnsHost> missing = hosts.stream().filter(host -> !namespaces.contains(host.namespace())).toList();
        if (!missing.isEmpty()) {
            throw new NetnsException("netns hosts " + missing.stream().map(NetnsHost::namespace).toList()
                    + " no longer exist; run `testbed deploy` to recreate them");
        }
        boot(hosts);
    }

    @Override
    public synchronized void stop() {
        NetnsRequirements.check();
        closeRunner();
        NetnsState.load(stateDir).ifPresent(state -> state.hosts().forEach(host ->
                NamespaceProcesses.stopAll(host.namespace())));
    }

    /** Removes namespaces, links, processes and the state directory; finds them by name even without state. */
    @Override
    public synchronized void destroy() {
        NetnsRequirements.check();
        closeRunner();
        Set<String> namespaces = NetnsNetwork.namespaces().stream().filter(naming::ownsNamespace)
                .collect(Collectors.toCollection(HashSet::new));
        NetnsState.load(stateDir).ifPresent(state -> state.hosts().forEach(host -> namespaces.add(host.namespace())));
        for (String namespace : namespaces) {
            NamespaceProcesses.stopAll(namespace);
        }
        NetnsState.load(stateDir).ifPresent(state -> state.hosts().forEach(host -> sshd(host).stopUnnamed()));
        NetnsNetwork.removeAllLinks(naming);
        namespaces.forEach(NetnsNetwork::removeNamespace);
        try {
            FileTrees.delete(stateDir); // from the root mount namespace, where the hosts' bind mounts are not visible
        } catch (UncheckedIOException e) {
            throw new NetnsException("cannot delete the netns state directory " + stateDir + ": " + e.getMessage(), e);
        }
        LOG.info("netns testbed {} destroyed", settings.testbed().id());
    }

    @Override
    public HostTraits traits() {
        return HostTraits.NAMESPACES;
    }

    @Override
    public synchronized CommandRunner commandRunner() {
        if (runner == null) {
            TestbedKey key = TestbedKey.resolve(settings, createStateDir());
            runner = new SshRunner(settings, "root", key.privateKey(), knownHosts().file());
        }
        return runner;
    }

    @Override
    public synchronized void close() {
        closeRunner();
    }

    private void boot(List<NetnsHost> hosts) {
        TestbedKey key = TestbedKey.resolve(settings, createStateDir());
        Optional<Path> mavenRepository = machineMavenRepository();
        for (NetnsHost host : hosts) {
            HostSshd sshd = new HostSshd(host, hostDir(host), key.publicKey(), mavenRepository);
            if (sshd.prepare()) {
                knownHosts().forget(Set.of(host.publicIp(), host.internalIp()));
            }
            sshd.start();
        }
        awaitSsh(hosts);
    }

    private void awaitSsh(List<NetnsHost> hosts) {
        Duration wait = settings.ssh().timeout().compareTo(MIN_BOOT_WAIT) > 0 ? settings.ssh().timeout() : MIN_BOOT_WAIT;
        long deadline = System.nanoTime() + wait.toNanos();
        for (NetnsHost host : hosts) {
            while (!acceptsSsh(host.publicIp())) {
                if (System.nanoTime() > deadline) {
                    throw new NetnsException("sshd of netns host " + host.namespace() + " (" + host.publicIp()
                            + ") did not accept connections within " + wait.toSeconds() + " s; see "
                            + hostDir(host).resolve("sshd.log"));
                }
                pause();
            }
        }
    }

    private static boolean acceptsSsh(String address) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, 22), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private InstanceStatus status(NetnsHost host, Set<String> namespaces) {
        if (!namespaces.contains(host.namespace())) {
            return InstanceStatus.TERMINATED;
        }
        return sshd(host).isRunning() ? InstanceStatus.ACTIVE : InstanceStatus.STOPPED;
    }

    /** The sshd of `host` as far as checking and stopping it goes. */
    private HostSshd sshd(NetnsHost host) {
        Path dir = hostDir(host);
        return new HostSshd(host, dir, dir.resolve("authorized_keys"), Optional.empty());
    }

    private Path hostDir(NetnsHost host) {
        return stateDir.resolve("hosts").resolve(host.namespace());
    }

    /** Hosts recorded in the state whose namespace or link went missing (a crash mid-deploy) are rebuilt. */
    private void repairBroken(NetnsState state, NetnsNetwork network) {
        Set<String> namespaces = NetnsNetwork.namespaces();
        Set<String> links = NetnsNetwork.links();
        for (NetnsHost host : state.hosts()) {
            if (!network.isIntact(host, namespaces, links)) {
                LOG.info("netns host {} is incomplete; rebuilding it", host.namespace());
                NamespaceProcesses.stopAll(host.namespace());
                sshd(host).stopUnnamed();
                NetnsNetwork.removeLink(host.link());
                NetnsNetwork.removeNamespace(host.namespace());
                network.create(host);
            }
        }
    }

    /** Namespaces and links named for this testbed that the state does not know (the state file was lost). */
    private void removeOrphans(NetnsState state) {
        Set<String> known = state.hosts().stream().map(NetnsHost::namespace).collect(Collectors.toSet());
        Set<String> knownLinks = state.hosts().stream().map(NetnsHost::link).collect(Collectors.toSet());
        for (String namespace : NetnsNetwork.namespaces()) {
            if (naming.ownsNamespace(namespace) && !known.contains(namespace)) {
                LOG.info("removing orphaned netns host {}", namespace);
                NamespaceProcesses.stopAll(namespace);
                NetnsNetwork.removeNamespace(namespace);
            }
        }
        NetnsNetwork.links().stream()
                .filter(link -> naming.ownsLink(link) && !link.equals(naming.bridge()) && !knownLinks.contains(link))
                .forEach(NetnsNetwork::removeLink);
    }

    private NetnsHost newHost(NetnsState state, int regionIndex, int hostIndex) {
        AddressPlan plan = new AddressPlan(state.slot());
        int linkIndex = state.nextLinkIndex();
        return new NetnsHost(naming.namespace(linkIndex), naming.hostLink(linkIndex),
                settings.testbed().regions().get(regionIndex), regionIndex, hostIndex, linkIndex,
                plan.publicIp(regionIndex, hostIndex), plan.internalIp(regionIndex, hostIndex));
    }

    private NetnsState newState() {
        Set<Integer> taken = new HashSet<>(NetnsNetwork.usedSlots());
        taken.addAll(slotsOfOtherTestbeds());
        int slot = IntStream.range(0, AddressPlan.SLOTS).filter(s -> !taken.contains(s)).findFirst()
                .orElseThrow(() -> new NetnsException("all " + AddressPlan.SLOTS + " netns address slots of "
                        + "198.18.0.0/16 are in use; destroy a netns testbed first"));
        return new NetnsState(settings.testbed().id(), slot, List.of());
    }

    private Set<Integer> slotsOfOtherTestbeds() {
        if (!Files.isDirectory(stateRoot)) {
            return Set.of();
        }
        try (var dirs = Files.list(stateRoot)) {
            return dirs.filter(dir -> !dir.equals(stateDir)).map(NetnsState::load).flatMap(Optional::stream)
                    .map(NetnsState::slot).collect(Collectors.toSet());
        } catch (IOException | NetnsException e) {
            return Set.of();
        }
    }

    private List<Integer> targetRegions(Optional<String> region) {
        List<String> regions = settings.testbed().regions();
        if (regions.isEmpty()) {
            throw new NetnsException("settings field regions: a netns testbed needs at least one region name");
        }
        if (regions.size() > AddressPlan.MAX_REGIONS) {
            throw new NetnsException("settings field regions: a netns testbed has at most " + AddressPlan.MAX_REGIONS
                    + " regions, got " + regions.size());
        }
        if (region.isEmpty()) {
            return IntStream.range(0, regions.size()).boxed().toList();
        }
        int index = regions.indexOf(region.get());
        if (index < 0) {
            throw new NetnsException("region `" + region.get() + "` is not among the settings' regions " + regions);
        }
        return List.of(index);
    }

    private void checkCapacity(int hosts) {
        if (hosts > settings.testbed().maxInstances()) {
            throw new NetnsException("deploying would make " + hosts + " netns hosts, more than settings field "
                    + "max_instances (" + settings.testbed().maxInstances() + ")");
        }
    }

    private NetnsState existingState() {
        return NetnsState.load(stateDir).orElseThrow(() -> new NetnsException("no netns testbed `"
                + settings.testbed().id() + "` exists (no state in " + stateDir + "); run `testbed deploy` first"));
    }

    private KnownHostsFile knownHosts() {
        return new KnownHostsFile(stateDir.resolve("known_hosts"));
    }

    private Path createStateDir() {
        try {
            if (Files.notExists(stateDir)) {
                Files.createDirectories(stateDir);
                Files.setPosixFilePermissions(stateDir, PosixFilePermissions.fromString("rwx------"));
            }
            return stateDir;
        } catch (IOException e) {
            throw new NetnsException("cannot create the netns state directory " + stateDir + ": " + e.getMessage(), e);
        }
    }

    /** The machine's Maven repository, shared read-mostly with the hosts so that they build offline. */
    private static Optional<Path> machineMavenRepository() {
        Path repository = Path.of(System.getProperty("user.home"), ".m2", "repository");
        return Files.isDirectory(repository) ? Optional.of(repository) : Optional.empty();
    }

    private void closeRunner() {
        if (runner != null) {
            runner.close();
            runner = null;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetnsException("interrupted while waiting for sshd", e);
        }
    }
}
