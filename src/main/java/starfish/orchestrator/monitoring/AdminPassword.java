package starfish.orchestrator.monitoring;

import java.security.SecureRandom;

/**
 * Grafana's admin password, generated afresh for each monitoring start. Letters and digits only, so it needs no
 * escaping in grafana.ini; toString never reveals it, so a stray log line cannot leak it.
 */
public final class AdminPassword {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int LENGTH = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private AdminPassword(String value) {
        this.value = value;
    }

    public static AdminPassword generate() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new AdminPassword(password.toString());
    }

    /** The password itself: only for grafana.ini and the one console line that hands it to the user. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "AdminPassword[redacted]";
    }
}
