package starfish.orchestrator.cloud.vultr;

/** A Vultr API call that failed; the message names the call and Vultr's error text, never the token. */
public final class VultrApiException extends RuntimeException {
    private final int status;

    VultrApiException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }
}
