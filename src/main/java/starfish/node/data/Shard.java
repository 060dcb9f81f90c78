package starfish.node.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * One erasure-coded piece of a payload: its position in the codeword and its bytes. The bytes are not copied
 * (shards are large and passed around a lot); callers must not mutate them. Equality compares content.
 */
public record Shard(int index, byte[] data) {

    public Shard {
        Objects.requireNonNull(data, "shard data");
        if (index < 0) {
            throw new IllegalArgumentException("shard index must be >= 0, got " + index);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Shard shard && shard.index == index && Arrays.equals(shard.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * index + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Shard[index=" + index + ", bytes=" + data.length + "]";
    }
}
