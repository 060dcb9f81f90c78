package starfish.orchestrator.ssh;

import java.util.regex.Pattern;

/** Masks secrets that commands may carry (credentials inside URLs, token query parameters, bearer headers). */
public final class SecretRedactor {
    private static final String MASK = "***";
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(\\b[a-zA-Z][a-zA-Z0-9+.-]*://)[^/\\s@'\"]+@");
    private static final Pattern TOKEN_PARAMETER =
            Pattern.compile("(?i)([?&](?:access_token|token|private_token|key|password)=)[^&\\s'\"]+");
    private static final Pattern BEARER = Pattern.compile("(?i)(authorization:\\s*bearer\\s+)[^\\s'\"]+");

    private SecretRedactor() {
    }

    public static String redact(String text) {
        String redacted = URL_CREDENTIALS.matcher(text).replaceAll("$1" + MASK + "@");
        redacted = TOKEN_PARAMETER.matcher(redacted).replaceAll("$1" + MASK);
        return BEARER.matcher(redacted).replaceAll("$1" + MASK);
    }
}
