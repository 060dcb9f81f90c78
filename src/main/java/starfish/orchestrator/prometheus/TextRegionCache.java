package starfish.orchestrator.prometheus;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Values remembered by a key of bytes, found straight from a stretch of a larger byte array (hash, then compare)
 * so that a known key costs no copy. Open addressing, for one thread; bounded: once it holds `capacity` keys it
 * forgets them all and starts again.
 */
final class TextRegionCache<V> {
    private static final int INITIAL_SLOTS = 256;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** An odd constant with well-spread bits (the 64-bit golden ratio), so that every input bit reaches the top. */
    private static final long MIX = 0x9E3779B97F4A7C15L;

    private final int capacity;
    private byte[][] keys = new byte[INITIAL_SLOTS][];
    private int[] hashes = new int[INITIAL_SLOTS];
    private Object[] values = new Object[INITIAL_SLOTS];
    private int size;

    TextRegionCache(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Reads eight bytes at a time: a byte-wise 31 * h + b is a chain of dependent multiplications, one per byte,
     * and it cost about as much as the rest of reading a known line.
     */
    static int hash(byte[] bytes, int from, int to) {
        long hash = to - from;
        int at = from;
        for (; at + Long.BYTES <= to; at += Long.BYTES) {
            hash = (hash ^ (long) LONGS.get(bytes, at)) * MIX;
        }
        for (; at < to; at++) {
            hash = (hash ^ bytes[at]) * MIX;
        }
        return (int) (hash ^ (hash >>> 32));
    }

    /** The value remembered for `bytes` from `from` to `to`, whose hash is `hash`; null if none. */
    @SuppressWarnings("unchecked")
    V get(byte[] bytes, int from, int to, int hash) {
        for (int slot = slotOf(hash, keys.length); keys[slot] != null; slot = (slot + 1) & (keys.length - 1)) {
            byte[] key = keys[slot];
            if (hashes[slot] == hash && Arrays.equals(key, 0, key.length, bytes, from, to)) {
                return (V) values[slot];
            }
        }
        return null;
    }

    /** Remembers `value` for `key` (not copied: the caller hands it over), whose hash is `hash`. */
    void put(byte[] key, int hash, V value) {
        if (size >= capacity) {
            keys = new byte[INITIAL_SLOTS][];
            hashes = new int[INITIAL_SLOTS];
            values = new Object[INITIAL_SLOTS];
            size = 0;
        } else if (2 * (size + 1) > keys.length) {
            grow();
        }
        insert(key, hash, value);
    }

    private void insert(byte[] key, int hash, Object value) {
        int slot = slotOf(hash, keys.length);
        while (keys[slot] != null && !(hashes[slot] == hash && Arrays.equals(keys[slot], key))) {
            slot = (slot + 1) & (keys.length - 1);
        }
        if (keys[slot] == null) {
            size++;
        }
        keys[slot] = key;
        hashes[slot] = hash;
        values[slot] = value;
    }

    private void grow() {
        byte[][] oldKeys = keys;
        int[] oldHashes = hashes;
        Object[] oldValues = values;
        keys = new byte[oldKeys.length * 2][];
        hashes = new int[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                insert(oldKeys[i], oldHashes[i], oldValues[i]);
            }
        }
    }

    private static int slotOf(int hash, int slots) {
        return (hash ^ (hash >>> 16)) & (slots - 1);
    }
}
