package starfish.orchestrator.settings;

import java.util.regex.Pattern;

/**
 * Hides credentials that ride inside URLs (`https://TOKEN@host/...`, `https://user:TOKEN@host/...`), so that a
 * repository URL can appear in printed settings, results and error messages.
 */
public final class SecretRedaction {
    private static final Pattern USER_AND_TOKEN = Pattern.compile("(\\w+://)([^/@\\s:]+):([^/@\\s]+)@");
    private static final Pattern TOKEN_ONLY = Pattern.compile("(\\w+://)([^/@\\s:]+)@");

    private SecretRedaction() {
    }

    /** Every URL credential in `text` replaced by `***`; the rest unchanged. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String withoutPasswords = USER_AND_TOKEN.matcher(text).replaceAll("$1$2:***@");
        return TOKEN_ONLY.matcher(withoutPasswords).replaceAll("$1***@");
    }
}
