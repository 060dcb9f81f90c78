package starfish.node.config;

/** A configuration file is missing, unreadable or has a bad field; the message names the file and the field. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
