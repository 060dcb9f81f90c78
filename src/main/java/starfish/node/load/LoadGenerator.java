package starfish.node.load;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import starfish.node.config.ClientParameters;

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
    private final SplittableRandom random = new SplittableRandom();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "load-generator");
        thread.setDaemon(true);
        return thread;
    });
    private double carry;

    public LoadGenerator(TransactionPool pool, double ratePerSecond, ClientParameters parameters,
            BooleanSupplier proposing) {
        this.pool = pool;
        this.ratePerSecond = ratePerSecond;
        this.parameters = parameters;
        this.proposing = proposing;
    }

    public void start() {
        if (ratePerSecond > 0) {
            long interval = parameters.batchIntervalMs();
            scheduler.scheduleAtFixedRate(this::generateBatch, interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    private void generateBatch() {
        if (!proposing.getAsBoolean()) {
            return;
        }
        double due = ratePerSecond * parameters.batchIntervalMs() / 1000.0 + carry;
        int count = (int) due;
        carry = due - count;
        if (count > 0) {
            pool.offer(batch(count, System.currentTimeMillis()), count);
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
        scheduler.shutdownNow();
    }
}
