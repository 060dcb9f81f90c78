package starfish.orchestrator.netns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the netns testbed needs from the machine, checked up front so that the error says what to do. The hosts
 * share this machine's tools and cannot reach the Internet, so the install step could not fetch what is missing.
 */
final class NetnsRequirements {
    private static final int MIN_JAVA = 17;
    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"(?:1\\.)?(\\d+)", Pattern.MULTILINE);

    private NetnsRequirements() {
    }

    /** The unmet requirements of this machine, each with its remedy; empty when it can host a netns testbed. */
    static List<String> missing() {
        return missing(uid(),
                tool -> tool.equals("sshd") ? Files.isExecutable(HostSshd.SSHD) : onPath(tool).isPresent(),
                onPath("java").map(NetnsRequirements::javaRelease).orElse(OptionalInt.empty()));
    }

    /** `javaRelease`: the feature release of the `java` on the PATH, empty when unknown. */
    static List<String> missing(String uid, Predicate<String> installed, OptionalInt javaRelease) {
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
        String jdk = "a JDK " + MIN_JAVA + " or newer as `java`";
        String jdkRemedy = " (apt-get install openjdk-17-jdk-headless)";
        if (!installed.test("java")) {
            missing.add(jdk + jdkRemedy);
        } else if (javaRelease.orElse(MIN_JAVA) < MIN_JAVA) {
            missing.add(jdk + ", found Java " + javaRelease.getAsInt() + jdkRemedy);
        }
        if (!installed.test("mvn")) {
            missing.add("Maven's `mvn` (apt-get install maven)");
        }
        if (!installed.test("git")) {
            missing.add("`git` (apt-get install git)");
        }
        if (!installed.test("tmux")) {
            missing.add("`tmux` (apt-get install tmux)");
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

    /** The feature release named by the `release` file of the JDK that `java` belongs to; empty when unknown. */
    static OptionalInt javaRelease(Path java) {
        try {
            Path bin = java.toRealPath().getParent();  // <jdk>/bin/java
            if (bin == null || bin.getParent() == null || Files.notExists(bin.resolveSibling("release"))) {
                return OptionalInt.empty();
            }
            Matcher version = JAVA_VERSION.matcher(Files.readString(bin.resolveSibling("release")));
            return version.find() ? OptionalInt.of(Integer.parseInt(version.group(1))) : OptionalInt.empty();
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }

    private static String uid() {
        try {
            return HostCommands.attempt("id", "-u").stdout().strip();
        } catch (NetnsException e) {
            return "";
        }
    }

    private static Optional<Path> onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/bin:/bin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return Optional.of(Path.of(dir, tool));
            }
        }
        return Optional.empty();
    }
}
