package starfish.orchestrator.validator;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import starfish.node.config.ConfigFiles;
import starfish.orchestrator.runner.ShellQuoting;
import starfish.orchestrator.settings.Repository;
import starfish.orchestrator.testbed.HostTraits;
import starfish.protocol.ByzantineStrategy;

/** Our validator (`starfish node ...`), per the validator/orchestrator contract. */
public final class StarfishProtocol implements Protocol {
    /** The jar's place on remote hosts, relative to the working directory. */
    public static final String JAR = "starfish.jar";
    private static final String SOURCE_DIR = "starfish-src";
    private static final String NODE_PARAMETERS = "node-parameters.yml";
    private static final String CLIENT_PARAMETERS = "client-parameters.yml";
    private static final String COMMITTEE_FILE = "committee.json";
    private static final String PUBLIC_CONFIG_FILE = "public-config.json";

    /**
     * From this own load (tx/s) on, a validator's JVM is set up for throughput (see JavaLauncher.validator): it
     * fills its heap during the run anyway, so it touches it at boot, and its hot code is worth C2's compilations.
     */
    static final int HEAVY_LOAD = 5_000;

    /** The validator that records the class-data archive when there is none (see ClassDataArchive). */
    private static final int CLASS_DATA_RECORDER = 0;

    private final JavaLauncher launcher;
    private final ValidatorHeap heap;

    StarfishProtocol(JavaLauncher launcher, ValidatorHeap heap) {
        this.launcher = launcher;
        this.heap = heap;
    }

    /**
     * Our validator on hosts like `hosts`: from this JVM's classpath where they run the orchestrator's own build,
     * else from the jar that update (or an uploaded local build) put in their working directory.
     */
    public static StarfishProtocol on(HostTraits hosts) {
        return new StarfishProtocol(hosts.runOrchestratorBuild() ? JavaLauncher.currentClasspath()
                : JavaLauncher.jar(JAR), ValidatorHeap.of(hosts.shareMemory()));
    }

    @Override
    public List<String> installCommands() {
        // Installs only what is missing (a netns host already has everything, and no Internet); sudo unless root.
        // Any JDK from 17 on builds and runs the validator.
        return List.of("missing=''"
                + "; java -version 2>&1 | grep -Eq 'version \"(1[7-9]|[2-9][0-9])'"
                + " || missing=\"$missing openjdk-17-jdk-headless\""
                + "; command -v mvn > /dev/null || missing=\"$missing maven\""
                + "; command -v git > /dev/null || missing=\"$missing git\""
                + "; command -v tmux > /dev/null || missing=\"$missing tmux\""
                + "; [ -z \"$missing\" ] && exit 0"
                + "; if [ \"$(id -u)\" = 0 ]; then sudo=''; else sudo=sudo; fi"
                + "; $sudo apt-get update -q"
                + " && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing");
    }

    @Override
    public List<String> updateCommands(Repository repository) {
        String url = ShellQuoting.quote(repository.url());
        String commit = ShellQuoting.quote(repository.commit());
        // set-url: a clone left by an earlier run follows a changed repository.url. Maven goes online only where
        // the host's settings.xml allows it (netns hosts are offline there).
        return List.of(
                "[ -d " + SOURCE_DIR + "/.git ] || git clone -q " + url + " " + SOURCE_DIR,
                "cd " + SOURCE_DIR + " && git remote set-url origin " + url + " && git fetch -q origin"
                        + " && git checkout -q " + commit
                        + " && (git merge -q --ff-only origin/" + commit + " 2>/dev/null || true)",
                "cd " + SOURCE_DIR + " && mvn -q package -Dmaven.test.skip=true && cp target/starfish.jar ../" + JAR);
    }

    @Override
    public String artifactPath() {
        return JAR;
    }

    @Override
    public LocalBuild localBuild() {
        return new LocalBuild(RunningJar.path().orElse(Path.of("target", JAR)), "mvn -q package -DskipTests");
    }

    @Override
    public String genesisCommand(List<String> ips, int basePort) {
        return launcher.tool() + " node genesis --ips "
                + ips.stream().map(ShellQuoting::quote).collect(Collectors.joining(" "))
                + " --working-directory . --base-port " + basePort;
    }

    @Override
    public List<String> sharedGenesisFiles() {
        return List.of(COMMITTEE_FILE, PUBLIC_CONFIG_FILE);
    }

    @Override
    public String privateKeyFile(int authority) {
        return ConfigFiles.privateConfigFile(authority);
    }

    @Override
    public String runCommand(ValidatorLaunch launch) {
        int i = launch.authority();
        StringBuilder command = new StringBuilder(launcher.validator(heap.mebibytes(launch.committee()),
                launch.load() >= HEAVY_LOAD, i == CLASS_DATA_RECORDER))
                .append(" node run --authority ").append(i)
                .append(" --committee-path ").append(COMMITTEE_FILE)
                .append(" --public-config-path ").append(PUBLIC_CONFIG_FILE)
                .append(" --private-config-path ").append(privateKeyFile(i))
                .append(" --consensus ").append(launch.consensus().cliName())
                .append(" --load ").append(launch.load())
                .append(" --storage-path ").append(storageDir(i))
                .append(ifPresent(NODE_PARAMETERS, "--node-parameters-path"))
                .append(ifPresent(CLIENT_PARAMETERS, "--client-parameters-path"));
        if (launch.behaviour() != ByzantineStrategy.HONEST) {
            command.append(" --byzantine-strategy ").append(launch.behaviour().cliName());
        }
        if (launch.uniformLatency().isPresent()) {
            command.append(" --uniform-latency-ms ").append(launch.uniformLatency().get().toNanos() / 1e6);
        } else if (launch.mimicExtraLatency()) {
            command.append(" --mimic-extra-latency");
        }
        return command.toString();
    }

    @Override
    public String nodeParametersPath() {
        return NODE_PARAMETERS;
    }

    @Override
    public String clientParametersPath() {
        return CLIENT_PARAMETERS;
    }

    /** The option naming `file` when the configure step put it on the host; nothing otherwise. */
    private static String ifPresent(String file, String option) {
        return " $([ -f " + file + " ] && echo '" + option + " " + file + "')";
    }

    @Override
    public int metricsPort(int authority, int committee, int basePort) {
        return basePort + committee + authority;
    }

    @Override
    public String committedLogPath(int authority) {
        return storageDir(authority) + "/committed.log";
    }

    @Override
    public String cleanupCommand() {
        // genesis and parameter files stay: --skip-testbed-configuration runs on the previous configuration
        return "rm -rf storage-* node-*.log";
    }

    @Override
    public void validatorsStopped() {
        launcher.validatorsStopped();
    }

    private static String storageDir(int authority) {
        return "storage-" + authority;
    }
}
