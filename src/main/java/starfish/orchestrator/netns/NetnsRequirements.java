package starfish.orchestrator.netns;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** What the netns testbed needs from the machine, checked up front so that the error says what to do. */
final class NetnsRequirements {

    private NetnsRequirements() {
    }

    /** The unmet requirements of this machine, each with its remedy; empty when it can host a netns testbed. */
    static List<String> missing() {
        return missing(uid(), tool -> tool.equals("sshd") ? Files.isExecutable(HostSshd.SSHD) : onPath(tool));
    }

    static List<String> missing(String uid, Predicate<String> installed) {
        List<String> missing = new ArrayList<>();
        if (!"0".equals(uid)) {
            missing.add("root privileges (run the orchestrator as root, e.g. with sudo)");
        }
        if (!installed.test("ip")) {
            missing.add("the `ip` tool (apt-get install iproute2)");
        }
        if (!installed.test("sshd") || !installed.test("ssh-keygen")) {
            missing.add("OpenSSH's server " + HostSshd.SSHD + " and ssh-keygen (apt-get install openssh-server)");
        }
        if (!installed.test("unshare")) {
            missing.add("the `unshare` tool (apt-get install util-linux)");
        }
        return missing;
    }

    static void check() {
        failIfAny(missing());
    }

    static void failIfAny(List<String> missing) {
        if (!missing.isEmpty()) {
            throw new NetnsException("cloud_provider netns cannot run on this machine; it needs "
                    + String.join("; ", missing));
        }
    }

    private static String uid() {
        try {
            return HostCommands.attempt("id", "-u").stdout().strip();
        } catch (NetnsException e) {
            return "";
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/bin:/bin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
