package starfish.node.data;

/** The bytes received for a Merkle proof are not a well-formed proof encoding (network input: drop and count). */
public final class MalformedProofException extends IllegalArgumentException {

    public MalformedProofException(String message) {
        super(message);
    }
}
