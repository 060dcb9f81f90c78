package starfish.orchestrator.netns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What of a testbed is still on the machine: namespaces, links, its state directory, and any process of it: one
 * whose command line names the state directory (sshd), whose working directory is in it, or which lives in a
 * host's mount namespace, where a host home is mounted on /root (validators, tmux servers, shells).
 */
final class NetnsLeftovers {

    private NetnsLeftovers() {
    }

    static List<String> of(String testbedId, Path stateDir) {
        NetnsNaming naming = NetnsNaming.of(testbedId);
        List<String> left = new ArrayList<>();
        NetnsNetwork.namespaces().stream().filter(naming::ownsNamespace).forEach(ns -> left.add("namespace " + ns));
        NetnsNetwork.links().stream().filter(naming::ownsLink).forEach(link -> left.add("link " + link));
        processes(stateDir).forEach(process -> left.add("process " + process));
        if (Files.exists(stateDir)) {
            left.add("state directory " + stateDir);
        }
        return left;
    }

    private static List<String> processes(Path stateDir) {
        String state = stateDir.toAbsolutePath().toString();
        // mountinfo names a bind mount's source relative to its filesystem, which need not be mounted on /; its
        // deletion leaves the path with a "//deleted" suffix
        String hostHomes = stateDir.getFileName() + "/hosts/";
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.filter(entry -> entry.getFileName().toString().matches("\\d+"))
                    .filter(proc -> read(proc.resolve("cmdline")).contains(state)
                            || workingDirectory(proc).startsWith(state)
                            || read(proc.resolve("mountinfo")).contains(hostHomes))
                    .map(proc -> proc.getFileName() + " (" + read(proc.resolve("cmdline")).strip() + ")").toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
    }

    /** The file's text, NUL separators as spaces; empty once the process is gone. */
    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    private static String workingDirectory(Path proc) {
        try {
            return Files.readSymbolicLink(proc.resolve("cwd")).toString();
        } catch (IOException e) {
            return "";
        }
    }
}
