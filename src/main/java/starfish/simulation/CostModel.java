package starfish.simulation;

import java.time.Duration;

/**
 * Processing time charged to a validator for a frame it receives (decoding, hashing and signature checks happen
 * there): a cost per frame, per block verified and per KiB. While a validator is busy, its next tasks wait. All
 * zero (the default) measures pure protocol latency.
 */
public record CostModel(Duration perFrame, Duration perBlock, Duration perKib) {

    public static final CostModel ZERO = new CostModel(Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public CostModel {
        if (perFrame.isNegative() || perBlock.isNegative() || perKib.isNegative()) {
            throw new IllegalArgumentException("processing costs must not be negative");
        }
    }

    public boolean isZero() {
        return perFrame.isZero() && perBlock.isZero() && perKib.isZero();
    }

    long nanos(int bytes, int blocks) {
        return perFrame.toNanos() + blocks * perBlock.toNanos() + (long) (bytes / 1024.0 * perKib.toNanos());
    }
}
