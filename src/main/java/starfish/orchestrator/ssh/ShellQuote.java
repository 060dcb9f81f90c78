package starfish.orchestrator.ssh;

/** Quotes a word for a POSIX shell so that it reaches the command unchanged. */
final class ShellQuote {

    private ShellQuote() {
    }

    static String quote(String word) {
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }
}
