package starfish.orchestrator.settings;

/** Settings that cannot be used; the message names the file, the line and the field, and says what to do. */
public class SettingsException extends RuntimeException {

    public SettingsException(String message) {
        super(message);
    }

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
