package starfish.node.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import starfish.node.config.ConfigFiles;

/**
 * Writes committee.json, public-config.json and private-config-i.json with fresh random keys: run it once per
 * testbed and copy the files (each host needs only its own private file).
 */
@Command(name = "genesis", mixinStandardHelpOptions = true,
        description = "Writes the committee's genesis files with fresh random keys (private files readable by the owner"
                + " alone).")
final class GenesisCommand implements Callable<Integer> {

    @Option(names = "--ips", arity = "1..*", required = true, description = "The validators' IPs, in index order.")
    List<String> ips;

    @Option(names = "--working-directory", required = true, description = "Where the files are written.")
    Path workingDirectory;

    @Option(names = "--base-port", defaultValue = "26000",
            description = "Authority i listens on P+i and serves metrics on P+n+i (default ${DEFAULT-VALUE}).")
    int basePort;

    @Override
    public Integer call() throws Exception {
        int highest = basePort + 2 * ips.size() - 1;
        if (basePort < 1 || highest > 65_535) {
            System.err.println("--base-port " + basePort + " leaves ports " + basePort + ".." + highest
                    + " for " + ips.size() + " validators; they must lie in 1..65535");
            return 2;
        }
        ConfigFiles.writeGenesis(workingDirectory, ips, basePort, new SecureRandom());
        System.out.println("wrote genesis for " + ips.size() + " validators to " + workingDirectory);
        return 0;
    }
}
