package starfish.orchestrator.protocol;

import java.util.List;
import java.util.stream.Collectors;
import starfish.orchestrator.settings.Repository;
import starfish.protocol.ByzantineStrategy;

/** Our validator (`starfish node ...`), per the validator/orchestrator contract. */
public final class StarfishProtocol implements Protocol {
    /** The jar's place on remote hosts, relative to the working directory. */
    public static final String JAR = "starfish.jar";
    private static final String SOURCE_DIR = "starfish-src";

    private final JavaLauncher launcher;

    public StarfishProtocol(JavaLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public List<String> installCommands() {
        return List.of(
                "sudo apt-get update -q",
                "sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q openjdk-17-jdk-headless maven git");
    }

    @Override
    public List<String> updateCommands(Repository repository) {
        String url = ShellQuoting.quote(repository.url());
        String commit = ShellQuoting.quote(repository.commit());
        return List.of(
                "[ -d " + SOURCE_DIR + "/.git ] || git clone -q " + url + " " + SOURCE_DIR,
                "cd " + SOURCE_DIR + " && git fetch -q origin && git checkout -q " + commit
                        + " && (git merge -q --ff-only origin/" + commit + " 2>/dev/null || true)",
                "cd " + SOURCE_DIR + " && mvn -q -o package -DskipTests && cp target/starfish.jar ../" + JAR);
    }

    @Override
    public String artifactPath() {
        return JAR;
    }

    @Override
    public String genesisCommand(List<String> ips, int basePort) {
        return launcher.prefix() + " node genesis --ips "
                + ips.stream().map(ShellQuoting::quote).collect(Collectors.joining(" "))
                + " --working-directory . --base-port " + basePort;
    }

    @Override
    public String runCommand(ValidatorLaunch launch) {
        int i = launch.authority();
        StringBuilder command = new StringBuilder(launcher.prefix())
                .append(" node run --authority ").append(i)
                .append(" --committee-path committee.json --public-config-path public-config.json")
                .append(" --private-config-path private-config-").append(i).append(".json")
                .append(" --consensus ").append(launch.consensus().cliName())
                .append(" --load ").append(launch.load())
                .append(" --storage-path ").append(storageDir(i));
        if (launch.behaviour() != ByzantineStrategy.HONEST) {
            command.append(" --byzantine-strategy ").append(launch.behaviour().cliName());
        }
        if (launch.mimicExtraLatency()) {
            command.append(" --mimic-extra-latency");
        }
        return command.toString();
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
        return "rm -rf storage-* node-*.log committee.json public-config.json private-config-*.json";
    }

    private static String storageDir(int authority) {
        return "storage-" + authority;
    }
}
