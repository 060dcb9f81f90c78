package starfish.node.dag;

/** How much of one resource each author's blocks may hold at a time (suspended blocks, missing references). */
final class PerAuthorAllowance {

    private final int limit;
    private final int[] used;

    PerAuthorAllowance(int authors, int limit) {
        this.limit = limit;
        this.used = new int[authors];
    }

    boolean hasRoom(int author, int amount) {
        return used[author] + amount <= limit;
    }

    void add(int author, int amount) {
        used[author] += amount;
    }

    void release(int author) {
        used[author]--;
    }

    void clear() {
        java.util.Arrays.fill(used, 0);
    }
}
