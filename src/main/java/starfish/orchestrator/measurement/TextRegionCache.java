package starfish.orchestrator.measurement;

/**
 * Values remembered by a key text, found straight from a stretch of a larger text (hash, then compare) so that a
 * known key costs no copy of its characters. Open addressing, for one thread; bounded: once it holds `capacity`
 * keys it forgets them all and starts again.
 */
final class TextRegionCache<V> {
    private final int capacity;
    private String[] keys = new String[256];
    private Object[] values = new Object[256];
    private int size;

    TextRegionCache(int capacity) {
        this.capacity = capacity;
    }

    /** The hash String.hashCode gives the same characters. */
    static int hash(String text, int from, int to) {
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + text.charAt(i);
        }
        return hash;
    }

    /** The value remembered for the characters of `text` from `from` to `to`, whose hash is `hash`; null if none. */
    @SuppressWarnings("unchecked")
    V get(String text, int from, int to, int hash) {
        int length = to - from;
        for (int slot = slotOf(hash); keys[slot] != null; slot = (slot + 1) & (keys.length - 1)) {
            String key = keys[slot];
            if (key.hashCode() == hash && key.length() == length && key.regionMatches(0, text, from, length)) {
                return (V) values[slot];
            }
        }
        return null;
    }

    void put(String key, V value) {
        if (size >= capacity) {
            keys = new String[256];
            values = new Object[256];
            size = 0;
        } else if (2 * (size + 1) > keys.length) {
            grow();
        }
        insert(key, value);
    }

    private void insert(String key, Object value) {
        int slot = slotOf(key.hashCode());
        while (keys[slot] != null && !keys[slot].equals(key)) {
            slot = (slot + 1) & (keys.length - 1);
        }
        if (keys[slot] == null) {
            size++;
        }
        keys[slot] = key;
        values[slot] = value;
    }

    private void grow() {
        String[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new String[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                insert(oldKeys[i], oldValues[i]);
            }
        }
    }

    private int slotOf(int hash) {
        return (hash ^ (hash >>> 16)) & (keys.length - 1);
    }
}
