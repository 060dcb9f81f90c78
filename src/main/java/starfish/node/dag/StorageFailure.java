package starfish.node.dag;

/**
 * The validator's storage failed (a full disk, an I/O error): it must stop rather than go on with state that is
 * not on disk, since a restart would then not know every block it signed.
 */
public final class StorageFailure extends RuntimeException {

    public StorageFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
