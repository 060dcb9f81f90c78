package starfish.node.load;

import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import starfish.node.config.ClientParameters;
import starfish.node.runtime.Clock;
import starfish.node.runtime.TaskExecutor;

/**
 * The in-process client: `rate` transactions per second for this validator, in a batch every interval, from the
 * moment the validator proposes (`proposing`): transactions made while it waits for its peers at startup would
 * only measure that wait. A transaction is its creation time in ms (8 bytes), 8 random bytes and zero padding up
 * to the transaction size.
 */
public final class LoadGenerator implements AutoCloseable {

    private final TransactionPool pool;
    private final double ratePerSecond;
    private final ClientParameters parameters;
    private final BooleanSupplier proposing;
    private final Clock clock;
    private final TaskExecutor executor;
    private final RandomGenerator random;
    private final long intervalNanos;
    private double carry;
    private long nextBatchNanos;

    /** Batches run on `executor` at `clock`'s pace; `random` fills the transactions' random bytes. */
    public LoadGenerator(TransactionPool pool, double ratePerSecond, ClientParameters parameters,
            BooleanSupplier proposing, Clock clock, TaskExecutor executor, RandomGenerator random) {
        this.pool = pool;
        this.ratePerSecond = ratePerSecond;
        this.parameters = parameters;
        this.proposing = proposing;
        this.clock = clock;
        this.executor = executor;
        this.random = random;
        this.intervalNanos = parameters.batchIntervalMs() * 1_000_000L;
    }

    public void start() {
        if (ratePerSecond > 0) {
            nextBatchNanos = clock.nanoTime() + intervalNanos;
            executor.schedule(intervalNanos, this::tick);
        }
    }

    /** At a fixed rate: the next batch is due an interval after this one was due, however late this one ran. */
    private void tick() {
        generateBatch();
        nextBatchNanos += intervalNanos;
        executor.schedule(Math.max(0, nextBatchNanos - clock.nanoTime()), this::tick);
    }

    private void generateBatch() {
        if (!proposing.getAsBoolean()) {
            return;
        }
        double due = ratePerSecond * parameters.batchIntervalMs() / 1000.0 + carry;
        int count = (int) due;
        carry = due - count;
        if (count > 0) {
            pool.offer(batch(count, clock.currentTimeMillis()), count);
        }
    }

    ByteBuffer batch(int count, long nowMs) {
        int size = parameters.transactionSize();
        ByteBuffer data = ByteBuffer.allocate(count * (4 + size));
        for (int i = 0; i < count; i++) {
            int start = data.position();
            data.putInt(size).putLong(nowMs).putLong(random.nextLong());
            data.position(start + 4 + size);
        }
        return data.flip();
    }

    @Override
    public void close() {
        executor.close();
    }
}
