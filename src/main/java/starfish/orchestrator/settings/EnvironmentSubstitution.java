package starfish.orchestrator.settings;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces `${VAR}` in settings text with environment values before the YAML is parsed; comments are left alone. */
final class EnvironmentSubstitution {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final Function<String, String> environment;

    EnvironmentSubstitution(Function<String, String> environment) {
        this.environment = environment;
    }

    static EnvironmentSubstitution ofSystem() {
        Map<String, String> env = System.getenv();
        return new EnvironmentSubstitution(env::get);
    }

    /** Substitutes every variable; an unset one throws naming it, the file and the line. */
    String apply(String text, String fileName) {
        StringBuilder result = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                result.append('\n');
            }
            result.append(substituteLine(lines[i], fileName, i + 1));
        }
        return result.toString();
    }

    private String substituteLine(String line, String fileName, int lineNumber) {
        int comment = commentStart(line);
        return substituteValue(line.substring(0, comment), fileName, lineNumber) + line.substring(comment);
    }

    /** Where a YAML comment starts: a `#` at the line start or after a space, outside quotes; else the length. */
    private static int commentStart(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return i;
            }
        }
        return line.length();
    }

    private String substituteValue(String line, String fileName, int lineNumber) {
        Matcher m = VARIABLE.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).trim();
            String value = name.isEmpty() ? null : environment.apply(name);
            if (value == null) {
                throw new SettingsException(fileName + " line " + lineNumber + ": environment variable '" + name
                        + "' is not set; export it before running, or write the value into the file");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
