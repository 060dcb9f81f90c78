package starfish.junit;

/**
 * A run whose safety could not be judged (an honest validator's committed log was missing or unreadable). Not an
 * assertion failure: Allure reports it as broken, under its own category, rather than as passed or failed.
 */
public final class SafetyUnknownException extends RuntimeException {

    public SafetyUnknownException(String message) {
        super(message);
    }
}
