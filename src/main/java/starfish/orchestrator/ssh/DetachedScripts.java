package starfish.orchestrator.ssh;

import static starfish.orchestrator.runner.ShellQuoting.quote;

import java.util.regex.Pattern;

/**
 * Shell scripts that start a long-running command detached from the SSH session (in tmux when the host has it,
 * else under nohup/setsid with a pid file) and stop it again. Both run in the instance's working directory.
 */
final class DetachedScripts {
    private static final Pattern SESSION_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final int STOP_WAIT_TENTHS = 100;

    private DetachedScripts() {
    }

    static String start(String session, String command, String logFile) {
        String name = checked(session);
        String log = quote(logFile);
        String pane = "exec sh -c " + quote(command) + " >> " + log + " 2>&1";
        return stop(name) + "\n"
                + "mkdir -p \"$(dirname " + log + ")\"\n"
                + "if command -v tmux > /dev/null 2>&1; then\n"
                + "  tmux new-session -d -s " + name + " -c \"$PWD\" " + quote(pane) + "\n"
                + "else\n"
                + "  nohup setsid sh -c " + quote(command) + " >> " + log + " 2>&1 < /dev/null &\n"
                + "  echo $! > " + pidFile(name) + "\n"
                + "fi";
    }

    /**
     * Sends SIGTERM to the command's process group, waits up to ten seconds, then SIGKILL. `kill -SIG -PGID` without
     * `--`: dash, the sh of Debian and Ubuntu, rejects `--` and would signal nothing.
     */
    static String stop(String session) {
        String name = checked(session);
        return "pid=$( (tmux list-panes -t " + name + " -F '#{pane_pid}' 2> /dev/null || cat " + pidFile(name)
                + " 2> /dev/null) | head -n 1)\n"
                + "if [ -n \"$pid\" ]; then\n"
                + "  kill -TERM -\"$pid\" 2> /dev/null\n"
                // zombies do not count: tmux may take its time to reap the pane's process
                + "  i=0; while ps -e -o pgid= -o stat= | awk -v g=\"$pid\" '$1 == g && $2 !~ /^Z/ { f = 1 } END"
                + " { exit !f }' && [ $i -lt " + STOP_WAIT_TENTHS + " ]; do sleep 0.1; i=$((i + 1)); done\n"
                + "  kill -KILL -\"$pid\" 2> /dev/null\n"
                + "fi\n"
                + "tmux kill-session -t " + name + " 2> /dev/null; rm -f " + pidFile(name) + "; true";
    }

    private static String pidFile(String session) {
        return "." + session + ".pid";
    }

    private static String checked(String session) {
        if (!SESSION_NAME.matcher(session).matches()) {
            throw new IllegalArgumentException("a detached session name may hold only letters, digits, '-' and '_': "
                    + session);
        }
        return session;
    }
}
