package starfish.orchestrator.netns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The files and the OpenSSH daemon of one netns host. The daemon runs inside the host's namespace and in a
 * private mount namespace where the host's own home directory is mounted on /root (and the machine's Maven
 * repository on /root/.m2/repository, with Maven set offline, since hosts cannot reach the Internet).
 */
final class HostSshd {
    static final Path SSHD = Path.of("/usr/sbin/sshd");

    private final NetnsHost host;
    private final Path dir;
    private final Path authorizedKey;
    private final Optional<Path> mavenRepository;

    HostSshd(NetnsHost host, Path dir, Path authorizedKey, Optional<Path> mavenRepository) {
        this.host = host;
        this.dir = dir;
        this.authorizedKey = authorizedKey;
        this.mavenRepository = mavenRepository;
    }

    Path home() {
        return dir.resolve("home");
    }

    /** Writes the host's home, host key and sshd configuration; keeps an existing host key, else says it is new. */
    boolean prepare() {
        try {
            Files.createDirectories(home().resolve(".m2/repository"));
            Files.createDirectories(home().resolve(".tmux"));
            Files.writeString(home().resolve(".m2/settings.xml"),
                    "<settings>\n  <offline>true</offline>\n</settings>\n");
            Files.copy(authorizedKey, dir.resolve("authorized_keys"), StandardCopyOption.REPLACE_EXISTING);
            boolean newKey = Files.notExists(hostKey());
            if (newKey) {
                HostCommands.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", host.namespace(), "-f",
                        hostKey().toString());
            }
            Files.writeString(dir.resolve("sshd_config"), config());
            return newKey;
        } catch (IOException e) {
            throw new NetnsException("cannot prepare the files of netns host " + host.namespace() + " in " + dir
                    + ": " + e.getMessage(), e);
        }
    }

    boolean isRunning() {
        return recordedPid().filter(pid -> NamespaceProcesses.pids(host.namespace()).contains(pid)).isPresent();
    }

    /**
     * Stops this host's sshd and everything beside it even when its namespace was deleted under it, which leaves
     * the processes running in a namespace without a name.
     */
    void stopUnnamed() {
        recordedPid().ifPresent(NamespaceProcesses::stopAllBeside);
    }

    /** The pid in sshd's pid file, when that process is still this host's sshd (pids get reused). */
    private Optional<String> recordedPid() {
        try {
            Path pidFile = dir.resolve("sshd.pid");
            if (Files.notExists(pidFile)) {
                return Optional.empty();
            }
            String pid = Files.readString(pidFile).strip();
            Path cmdline = Path.of("/proc", pid, "cmdline");
            boolean ours = Files.exists(cmdline) && Files.readString(cmdline).contains(dir.resolve("sshd_config")
                    .toAbsolutePath().toString());
            return ours ? Optional.of(pid) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void start() {
        if (isRunning()) {
            return;
        }
        try {
            Files.createDirectories(Path.of("/run/sshd"));
        } catch (IOException e) {
            throw new NetnsException("cannot create sshd's privilege separation directory /run/sshd", e);
        }
        String mounts = mavenRepository.map(repository -> "mount --bind " + quote(repository) + " "
                + quote(home().resolve(".m2/repository")) + " && ").orElse("")
                + "mount --rbind " + quote(home()) + " /root";
        // sshd daemonizes and so outlives this command; it stays in the namespaces it was started in.
        HostCommands.run("ip", "netns", "exec", host.namespace(), "unshare", "--mount", "--propagation", "private",
                "sh", "-c", mounts + " && exec " + SSHD + " -f " + quote(dir.resolve("sshd_config")) + " -E "
                        + quote(dir.resolve("sshd.log")));
    }

    private Path hostKey() {
        return dir.resolve("ssh_host_ed25519_key");
    }

    private String config() {
        return String.join("\n",
                "# sshd of netns host " + host.namespace() + " (written by the starfish orchestrator)",
                "ListenAddress " + host.publicIp() + ":22",
                "ListenAddress " + host.internalIp() + ":22",
                "HostKey " + hostKey(),
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PermitRootLogin prohibit-password",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",
                "UseDNS no",
                "MaxStartups 100:30:200",
                "MaxSessions 50",
                "SetEnv TMUX_TMPDIR=/root/.tmux",
                "Subsystem sftp internal-sftp",
                "");
    }

    private static String quote(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "'\"'\"'") + "'";
    }
}
