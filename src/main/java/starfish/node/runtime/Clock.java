package starfish.node.runtime;

/** Time as a validator reads it: the machine's clocks in a deployment, virtual time in a simulation. */
public interface Clock {

    /** The machine's monotonic and wall clocks. */
    Clock SYSTEM = new Clock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long currentTimeMillis() {
            return System.currentTimeMillis();
        }
    };

    /** Monotonic nanoseconds, for intervals and deadlines only. */
    long nanoTime();

    /** Wall-clock milliseconds since the epoch: what blocks and transactions carry as their creation time. */
    long currentTimeMillis();
}
