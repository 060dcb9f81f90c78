package starfish.orchestrator.netns;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What of a testbed is still on the machine: namespaces, links, sshd processes and its state directory. */
final class NetnsLeftovers {

    private NetnsLeftovers() {
    }

    static List<String> of(String testbedId, Path stateDir) {
        NetnsNaming naming = NetnsNaming.of(testbedId);
        List<String> left = new ArrayList<>();
        NetnsNetwork.namespaces().stream().filter(naming::ownsNamespace).forEach(ns -> left.add("namespace " + ns));
        NetnsNetwork.links().stream().filter(naming::ownsLink).forEach(link -> left.add("link " + link));
        HostCommands.Result sshd = HostCommands.attempt("pgrep", "-f", "sshd.*" + stateDir);
        sshd.stdout().lines().forEach(pid -> left.add("sshd process " + pid));
        if (Files.exists(stateDir)) {
            left.add("state directory " + stateDir);
        }
        return left;
    }
}
