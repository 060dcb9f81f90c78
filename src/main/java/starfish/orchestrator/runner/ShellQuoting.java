package starfish.orchestrator.runner;

import java.util.regex.Pattern;

/** Quotes values for `sh -c` command lines. */
public final class ShellQuoting {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private ShellQuoting() {
    }

    public static String quote(String value) {
        if (SAFE.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
