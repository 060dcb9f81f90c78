package starfish.orchestrator.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.xfer.FileSystemFile;
import starfish.orchestrator.runner.ShellQuoting;
import starfish.orchestrator.runner.CommandFailedException;
import starfish.orchestrator.runner.CommandOutput;
import starfish.orchestrator.runner.CommandRunner;
import starfish.orchestrator.runner.FanOut;
import starfish.orchestrator.settings.DurationText;
import starfish.orchestrator.settings.SecretRedaction;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.host.Instance;

/**
 * Runs commands on remote instances over SSH (sshj): one reused connection per host, a bounded parallel fan-out,
 * commands in the settings' working directory (relative to the remote home), each within `ssh_command_timeout`,
 * and secrets redacted from every message. A `prelude` (a shell line such as the cloud's dead-man switch renewal)
 * runs before every command.
 */
public final class SshRunner implements CommandRunner {
    private static final int SSH_PORT = 22;
    private static final int MAX_PARALLEL_HOSTS = 16;
    private static final int STDERR_TAIL_CHARS = 2000;
    /** The exit status of coreutils' timeout when it ended the command. */
    private static final int TIMED_OUT = 124;
    private static final Duration KILL_GRACE = Duration.ofSeconds(10);

    private final SshConnections connections;
    private final String workingDir;
    private final Duration commandTimeout;
    private final String prelude;
    private final ExecutorService streamReaders = Executors.newCachedThreadPool(daemonThreads("ssh-stream"));

    public SshRunner(Settings settings, String user, Path privateKey, Path knownHostsFile) {
        this(settings, user, privateKey, knownHostsFile, "");
    }

    /** With `prelude` run before every command (it must not fail the command nor print). */
    public SshRunner(Settings settings, String user, Path privateKey, Path knownHostsFile, String prelude) {
        this(settings, user, privateKey, knownHostsFile, SSH_PORT, ConnectBackoff.of(settings.ssh().retries()), prelude);
    }

    SshRunner(Settings settings, String user, Path privateKey, Path knownHostsFile, int port, ConnectBackoff backoff) {
        this(settings, user, privateKey, knownHostsFile, port, backoff, "");
    }

    SshRunner(Settings settings, String user, Path privateKey, Path knownHostsFile, int port, ConnectBackoff backoff,
              String prelude) {
        this.connections = new SshConnections(user, privateKey, TrustOnFirstUseKnownHosts.open(knownHostsFile), port,
                settings.ssh().timeout(), backoff);
        this.workingDir = settings.locations().workingDir();
        this.commandTimeout = settings.ssh().commandTimeout();
        this.prelude = prelude.isEmpty() ? "" : prelude + "\n";
    }

    @Override
    public CommandOutput execute(Instance instance, String command) {
        String body = "mkdir -p " + shellWorkingDir() + " && cd " + shellWorkingDir() + " || exit 97\n" + command;
        // the host ends the command at the timeout (coreutils' timeout signals its whole process group, then
        // SIGKILL); detached commands leave that group with setsid or tmux and live on. The command runs in sh with
        // the login shell's environment: a second login shell would read the rc files again.
        String script = prelude + "exec timeout -k " + KILL_GRACE.toSeconds() + " " + commandTimeout.toSeconds()
                + " sh -c " + ShellQuoting.quote(body);
        CommandOutput output = run(instance, script, command);
        if (output.exitCode() == TIMED_OUT) {
            throw timedOut(instance, command, output.stderr());
        }
        if (output.exitCode() != 0) {
            throw new CommandFailedException(hostName(instance), SecretRedaction.redact(command),
                    "exit code " + output.exitCode() + ", stderr: " + tail(output.stderr()), null);
        }
        return output;
    }

    private CommandFailedException timedOut(Instance instance, String command, String stderr) {
        return new CommandFailedException(hostName(instance), SecretRedaction.redact(command),
                "did not finish within ssh_command_timeout (" + DurationText.format(commandTimeout) + "); it was killed"
                        + ", stderr: " + tail(stderr), null);
    }

    @Override
    public Map<Instance, CommandOutput> executeAll(List<Instance> instances, String command) {
        return FanOut.run(instances, MAX_PARALLEL_HOSTS, command, instance -> execute(instance, command));
    }

    @Override
    public void startDetached(Instance instance, String session, String command, String logFile) {
        execute(instance, DetachedScripts.start(session, command, logFile));
    }

    @Override
    public void stopDetached(Instance instance, String session) {
        execute(instance, DetachedScripts.stop(session));
    }

    @Override
    public void killDetached(Instance instance, String session) {
        execute(instance, DetachedScripts.kill(session));
    }

    @Override
    public void upload(Instance instance, Path local, String remotePath) {
        String remote = sftpPath(remotePath);
        withSftp(instance, "upload " + local + " to " + remote, sftp -> {
            String parent = parentOf(remote);
            if (!parent.isEmpty()) {
                sftp.mkdirs(parent);
            }
            sftp.put(new FileSystemFile(local.toFile()), remote);
        });
    }

    @Override
    public void download(Instance instance, String remotePath, Path local) {
        String remote = sftpPath(remotePath);
        withSftp(instance, "download " + remote + " to " + local, sftp -> {
            Path parent = local.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            sftp.get(remote, new FileSystemFile(local.toFile()));
        });
    }

    @Override
    public void close() {
        connections.close();
        streamReaders.shutdownNow();
    }

    private CommandOutput run(Instance instance, String script, String shownCommand) {
        SSHClient client = connect(instance, shownCommand);
        try (Session session = startSession(instance, client)) {
            Session.Command running = session.exec(script);
            Future<String> stderr = streamReaders.submit(() -> readAll(running.getErrorStream()));
            Future<String> stdoutReader = streamReaders.submit(() -> readAll(running.getInputStream()));
            String stdout;
            try {
                stdout = stdoutReader.get(commandTimeout.plus(KILL_GRACE).plus(KILL_GRACE).toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                abandon(instance, running);
                throw timedOut(instance, shownCommand, "");
            }
            running.join();
            String errors = stderr.get();
            Integer exit = running.getExitStatus();
            if (exit == null) {
                throw new CommandFailedException(hostName(instance), SecretRedaction.redact(shownCommand),
                        "ended without an exit status (signal " + running.getExitSignal() + "), stderr: "
                                + tail(errors), null);
            }
            return new CommandOutput(stdout, errors, exit);
        } catch (IOException | ExecutionException e) {
            connections.forget(instance.publicIp());
            throw new CommandFailedException(hostName(instance), SecretRedaction.redact(shownCommand),
                    SecretRedaction.redact(String.valueOf(e)), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailedException(hostName(instance), SecretRedaction.redact(shownCommand), "interrupted",
                    null);
        }
    }

    /**
     * A command the host did not end in time (no coreutils timeout there, or a hung connection): its shell is sent
     * SIGKILL where the server accepts signals, and the connection is dropped rather than its channel closed
     * politely, which would wait for the command to end.
     */
    private void abandon(Instance instance, Session.Command running) {
        try {
            running.signal(Signal.KILL);
        } catch (IOException e) {
            // the connection is dropped next, which ends the session anyway
        }
        connections.forget(instance.publicIp());
    }

    /** Opens a session; a cached connection that died silently is replaced once. */
    private Session startSession(Instance instance, SSHClient client) throws IOException {
        try {
            return client.startSession();
        } catch (IOException stale) {
            connections.forget(instance.publicIp());
            return connections.get(instance.publicIp()).startSession();
        }
    }

    private SSHClient connect(Instance instance, String shownCommand) {
        try {
            return connections.get(instance.publicIp());
        } catch (SshConnectException e) {
            throw new CommandFailedException(hostName(instance), SecretRedaction.redact(shownCommand),
                    e.getMessage(), null);
        }
    }

    private interface SftpAction {
        void run(SFTPClient sftp) throws IOException;
    }

    private void withSftp(Instance instance, String what, SftpAction action) {
        SSHClient client = connect(instance, what);
        try (SFTPClient sftp = client.newSFTPClient()) {
            action.run(sftp);
        } catch (IOException e) {
            throw new CommandFailedException(hostName(instance), what, String.valueOf(e), null);
        }
    }

    /** SFTP paths that are relative start at the remote home, like the working directory. */
    private String sftpPath(String remotePath) {
        if (remotePath.startsWith("/")) {
            return remotePath;
        }
        String base = workingDir.startsWith("~/") ? workingDir.substring(2) : workingDir;
        return base.isEmpty() || base.equals(".") ? remotePath : base + "/" + remotePath;
    }

    private String shellWorkingDir() {
        return workingDir.startsWith("~/") ? "\"$HOME\"/" + ShellQuoting.quote(workingDir.substring(2))
                : ShellQuoting.quote(workingDir);
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "" : path.substring(0, slash);
    }

    private static String readAll(InputStream stream) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        stream.transferTo(buffer);
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private static String tail(String stderr) {
        String trimmed = stderr.strip();
        String tail = trimmed.length() <= STDERR_TAIL_CHARS ? trimmed
                : "..." + trimmed.substring(trimmed.length() - STDERR_TAIL_CHARS);
        return tail.isEmpty() ? "(empty)" : SecretRedaction.redact(tail);
    }

    private static String hostName(Instance instance) {
        return instance.id() + " (" + instance.publicIp() + ")";
    }

    private static ThreadFactory daemonThreads(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
