package starfish.node.dag;

/** Bytes from the network that do not decode; the message says what was wrong (never the bytes themselves). */
public final class MalformedException extends Exception {

    public MalformedException(String message) {
        super(message);
    }
}
