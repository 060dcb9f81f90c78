package starfish.orchestrator.benchmark;

import java.nio.file.Path;
import java.util.List;
import starfish.orchestrator.validator.Protocol;
import starfish.orchestrator.runner.ShellQuoting;
import starfish.orchestrator.validator.ValidatorLaunch;
import starfish.orchestrator.settings.Repository;

/**
 * Runs FakeValidator from the test classpath. Like the real validator, it learns its ports from the genesis file.
 * `failingAuthority` (or -1 for none) gets a command that exits at once with an error on stderr;
 * `faultyAuthority` (or -1) runs with the test-only `fault` (see FakeValidator): it diverges or keeps no log.
 */
record FakeProtocol(int failingAuthority, int faultyAuthority, String fault) implements Protocol {
    static final String GENESIS_FILE = "genesis.txt";

    FakeProtocol(int failingAuthority) {
        this(failingAuthority, -1, "none");
    }

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
        StringBuilder command = new StringBuilder("echo " + basePort + " > " + GENESIS_FILE);
        for (int i = 0; i < ips.size(); i++) {
            command.append(" && echo secret > ").append(privateKeyFile(i));
        }
        return command.toString();
    }

    @Override
    public List<String> sharedGenesisFiles() {
        return List.of(GENESIS_FILE);
    }

    @Override
    public String privateKeyFile(int authority) {
        return "key-" + authority;
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
                + " storage-" + launch.authority() + " " + launch.behaviour().cliName()
                + " " + (launch.authority() == faultyAuthority ? fault : "none");
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
