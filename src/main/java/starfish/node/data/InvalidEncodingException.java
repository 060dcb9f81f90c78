package starfish.node.data;

/**
 * The shards are well-formed as a request but do not form a valid encoding: unequal shard sizes, a corrupt length
 * header or padding, or (after re-encoding) a Merkle root different from the committed one. With shards that verify
 * against a root, every honest validator reaches this same verdict whatever f+1 shards it holds, so a Byzantine
 * author's bad encoding can be treated deterministically (e.g. as a block without transactions).
 */
public final class InvalidEncodingException extends Exception {

    public InvalidEncodingException(String message) {
        super(message);
    }
}
