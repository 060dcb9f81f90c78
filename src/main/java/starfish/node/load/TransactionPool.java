package starfish.node.load;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import starfish.node.dag.Transactions;

/**
 * Transactions waiting for a block, held as batches of length-prefixed transactions (no object per transaction).
 * Producers are the load generator's threads; the single consumer is the proposer. Beyond the capacity new
 * batches are dropped: an overloaded validator sheds load instead of exhausting its memory.
 */
public final class TransactionPool {

    private record Batch(ByteBuffer data, int count) {
    }

    private final ConcurrentLinkedQueue<Batch> batches = new ConcurrentLinkedQueue<>();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final long capacity;
    private Batch head;

    public TransactionPool(long capacity) {
        this.capacity = capacity;
    }

    /** Offers `count` framed transactions ([int length][bytes] each); false when the pool is full. */
    public boolean offer(ByteBuffer framed, int count) {
        if (pending.get() + count > capacity) {
            dropped.addAndGet(count);
            return false;
        }
        pending.addAndGet(count);
        batches.add(new Batch(framed, count));
        return true;
    }

    public long pendingCount() {
        return pending.get();
    }

    public long droppedCount() {
        return dropped.get();
    }

    /** Takes up to `max` transactions as one block payload (consumer thread only). */
    public Transactions take(int max) {
        if (pending.get() == 0) {
            return Transactions.EMPTY;
        }
        int bytes = 0;
        int taken = 0;
        java.util.List<ByteBuffer> parts = new java.util.ArrayList<>();
        while (taken < max) {
            if (head == null && (head = batches.poll()) == null) {
                break;
            }
            if (head.count() <= max - taken) {
                parts.add(head.data());
                bytes += head.data().remaining();
                taken += head.count();
                head = null;
            } else {
                int want = max - taken;
                ByteBuffer data = head.data();
                int cut = skip(data, want);
                parts.add(data.slice(data.position(), cut - data.position()));
                bytes += cut - data.position();
                taken += want;
                head = new Batch(data.slice(cut, data.limit() - cut), head.count() - want);
            }
        }
        pending.addAndGet(-taken);
        ByteBuffer payload = ByteBuffer.allocate(bytes);
        parts.forEach(payload::put);
        return new Transactions(payload.flip(), taken);
    }

    /** The position after `count` framed transactions. */
    private static int skip(ByteBuffer data, int count) {
        int position = data.position();
        for (int i = 0; i < count; i++) {
            position += 4 + data.getInt(position);
        }
        return position;
    }
}
