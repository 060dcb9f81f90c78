package starfish.orchestrator.cloud;

import java.util.List;

/** Masks known secret values in text that may reach a log or an exception message (e.g. a body a server echoed). */
public final class KnownSecrets {
    static final String MASK = "***";
    private final List<String> secrets;

    public KnownSecrets(List<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 4).toList();
    }

    public String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        return out;
    }
}
