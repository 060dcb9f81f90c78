package starfish.orchestrator.benchmark;

import java.nio.file.Path;
import java.util.List;
import starfish.orchestrator.validator.Protocol;
import starfish.orchestrator.runner.ShellQuoting;
import starfish.orchestrator.validator.ValidatorLaunch;
import starfish.orchestrator.settings.Repository;

/**
 * Runs FakeValidator from the test classpath. Like the real validator, it learns its ports from the genesis file.
 * `failingAuthority` (or -1 for none) gets a command that exits at once with an error on stderr.
 */
record FakeProtocol(int failingAuthority) implements Protocol {
    static final String GENESIS_FILE = "genesis.txt";

    @Override
    public List<String> installCommands() {
        return List.of();
    }

    @Override
    public List<String> updateCommands(Repository repository) {
        return List.of();
    }

    @Override
    public LocalBuild localBuild() {
        return new LocalBuild(Path.of("target", "starfish.jar"), "mvn -q package -DskipTests");
    }

    @Override
    public String artifactPath() {
        return "fake.jar";
    }

    @Override
    public String genesisCommand(List<String> ips, int basePort) {
        return "echo " + basePort + " > " + GENESIS_FILE;
    }

    @Override
    public List<String> genesisFiles(int committee) {
        return List.of(GENESIS_FILE);
    }

    @Override
    public String runCommand(ValidatorLaunch launch) {
        if (launch.authority() == failingAuthority) {
            return "echo 'fatal: cannot open key file' >&2; exit 1";
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return ShellQuoting.quote(java) + " -Xmx64m -cp " + ShellQuoting.quote(System.getProperty("java.class.path"))
                + " " + FakeValidator.class.getName() + " " + metricsPort(launch.authority(), launch.committee(), 0)
                + " " + launch.load() * launch.committee() // every honest validator sequences the whole load
                + " storage-" + launch.authority() + " " + launch.behaviour().cliName();
    }

    /** With basePort 0 this is the offset the fake adds to the base port read from the genesis file. */
    @Override
    public int metricsPort(int authority, int committee, int basePort) {
        return basePort + committee + authority;
    }

    @Override
    public String nodeParametersPath() {
        return "node-parameters.yml";
    }

    @Override
    public String clientParametersPath() {
        return "client-parameters.yml";
    }

    @Override
    public String committedLogPath(int authority) {
        return "storage-" + authority + "/committed.log";
    }

    @Override
    public String cleanupCommand() {
        return "rm -rf storage-* node-*.log " + GENESIS_FILE;
    }
}
