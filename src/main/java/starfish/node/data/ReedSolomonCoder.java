package starfish.node.data;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Systematic Reed-Solomon erasure coder over GF(2^8): a payload becomes {@code totalShards} equally sized shards of
 * which any {@code dataShards} rebuild it. Shards 0..k-1 are the framed payload itself, shards k..n-1 are parity.
 *
 * <p>Framing: the coded bytes are {@code [payload length: 4 bytes big-endian][payload][zero padding]}, cut into k
 * shards of {@code ceil((4 + length) / k)} bytes each (at least 1, so an empty payload still has shards). The
 * length therefore travels inside the data and decode needs nothing but k shards and their indices.
 *
 * <p>Thread-safe: the coder is immutable apart from a small synchronized cache of inverted decode matrices.
 */
public final class ReedSolomonCoder {

    /** Length-header size in the coded data. */
    public static final int HEADER_BYTES = Integer.BYTES;
    /** GF(2^8) has 256 distinct evaluation points, hence at most 256 shards. */
    public static final int MAX_SHARDS = GaloisField.ORDER;

    // Columns are processed in slices so that the input and output slices stay in cache across all coefficients.
    private static final int SLICE_BYTES = 4096;
    private static final int CACHED_INVERSES = 64;

    private final int dataShards;
    private final int totalShards;
    private final GfMatrix encodingMatrix;
    private final byte[][][] parityTables;
    private final Map<BitSet, GfMatrix> inverseCache = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<BitSet, GfMatrix> eldest) {
                    return size() > CACHED_INVERSES;
                }
            });

    public ReedSolomonCoder(int dataShards, int totalShards) {
        if (dataShards < 1 || dataShards > totalShards || totalShards > MAX_SHARDS) {
            throw new IllegalArgumentException("need 1 <= dataShards <= totalShards <= " + MAX_SHARDS
                    + ", got dataShards=" + dataShards + ", totalShards=" + totalShards);
        }
        this.dataShards = dataShards;
        this.totalShards = totalShards;
        this.encodingMatrix = GfMatrix.systematicCauchy(dataShards, totalShards);
        this.parityTables = new byte[totalShards - dataShards][dataShards][];
        for (int p = 0; p < parityTables.length; p++) {
            for (int j = 0; j < dataShards; j++) {
                parityTables[p][j] = GaloisField.productsOf(encodingMatrix.get(dataShards + p, j));
            }
        }
    }

    /** The coder for a committee of n validators: n shards, any f + 1 of which rebuild, f = (n - 1) / 3. */
    public static ReedSolomonCoder forCommittee(int committeeSize) {
        if (committeeSize < 1) {
            throw new IllegalArgumentException("committee size must be >= 1, got " + committeeSize);
        }
        return new ReedSolomonCoder((committeeSize - 1) / 3 + 1, committeeSize);
    }

    public int dataShards() {
        return dataShards;
    }

    public int totalShards() {
        return totalShards;
    }

    /** Size of every shard for a payload of the given length. */
    public int shardSize(int payloadLength) {
        long framed = (long) HEADER_BYTES + payloadLength;
        long size = (framed + dataShards - 1) / dataShards;
        if (payloadLength < 0 || size * dataShards > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("payload length out of range: " + payloadLength);
        }
        return (int) size;
    }

    /** Encodes the payload into {@link #totalShards()} shards; element i is shard i. */
    public byte[][] encode(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        return encode(ByteBuffer.wrap(payload));
    }

    /** Encodes the payload's remaining bytes (its position is left as it is), without an intermediate copy. */
    public byte[][] encode(ByteBuffer payload) {
        int shardSize = shardSize(payload.remaining());
        byte[][] shards = new byte[totalShards][shardSize];
        writeFramed(payload.duplicate(), shards, shardSize);
        byte[][] data = new byte[dataShards][];
        System.arraycopy(shards, 0, data, 0, dataShards);
        byte[][] parity = new byte[totalShards - dataShards][];
        System.arraycopy(shards, dataShards, parity, 0, parity.length);
        combine(parityTables, data, parity, shardSize);
        return shards;
    }

    /**
     * Rebuilds the payload from at least k shards with distinct indices (any order; with more than k, the lowest
     * indices are used since data shards need no arithmetic).
     *
     * @throws IllegalArgumentException fewer than k shards, an index out of range, or a duplicate index
     * @throws InvalidEncodingException shards of unequal or zero size, or decoded bytes with a corrupt length header
     *                                  or non-zero padding (cannot be the output of {@link #encode})
     */
    public byte[] decode(List<Shard> shards) throws InvalidEncodingException {
        Objects.requireNonNull(shards, "shards");
        List<Shard> chosen = chooseShards(shards);
        int shardSize = chosen.get(0).data().length;
        for (Shard shard : chosen) {
            if (shard.data().length != shardSize || shardSize == 0) {
                throw new InvalidEncodingException("shards differ in size or are empty: shard " + chosen.get(0).index()
                        + " has " + shardSize + " bytes, shard " + shard.index() + " has " + shard.data().length);
            }
        }
        byte[][] data = new byte[dataShards][];
        BitSet present = new BitSet(totalShards);
        int[] rows = new int[dataShards];
        byte[][] inputs = new byte[dataShards][];
        for (int i = 0; i < dataShards; i++) {
            Shard shard = chosen.get(i);
            rows[i] = shard.index();
            inputs[i] = shard.data();
            present.set(shard.index());
            if (shard.index() < dataShards) {
                data[shard.index()] = shard.data();
            }
        }
        recoverMissingData(present, rows, inputs, data, shardSize);
        return readFramed(data, shardSize);
    }

    private List<Shard> chooseShards(List<Shard> shards) {
        BitSet seen = new BitSet(totalShards);
        for (Shard shard : shards) {
            Objects.requireNonNull(shard, "shard");
            if (shard.index() >= totalShards) {
                throw new IllegalArgumentException(
                        "shard index " + shard.index() + " out of range 0.." + (totalShards - 1));
            }
            if (seen.get(shard.index())) {
                throw new IllegalArgumentException("duplicate shard index " + shard.index());
            }
            seen.set(shard.index());
        }
        if (shards.size() < dataShards) {
            throw new IllegalArgumentException("need " + dataShards + " shards, got " + shards.size());
        }
        List<Shard> sorted = new ArrayList<>(shards);
        sorted.sort(Comparator.comparingInt(Shard::index));
        return sorted.subList(0, dataShards);
    }

    private void recoverMissingData(BitSet present, int[] rows, byte[][] inputs, byte[][] data, int shardSize) {
        int missingCount = dataShards - present.get(0, dataShards).cardinality();
        if (missingCount == 0) {
            return;
        }
        GfMatrix inverse = inverseCache.computeIfAbsent(present, key -> encodingMatrix.rows(rows).inverse());
        byte[][][] tables = new byte[missingCount][dataShards][];
        byte[][] outputs = new byte[missingCount][];
        int next = 0;
        for (int j = 0; j < dataShards; j++) {
            if (data[j] == null) {
                for (int i = 0; i < dataShards; i++) {
                    tables[next][i] = GaloisField.productsOf(inverse.get(j, i));
                }
                data[j] = new byte[shardSize];
                outputs[next++] = data[j];
            }
        }
        combine(tables, inputs, outputs, shardSize);
    }

    /**
     * outputs[o] = sum over i of tables[o][i] applied to inputs[i], byte by byte, in GF(2^8). Outputs must start
     * zeroed. Inputs are folded in four at a time, then two, so each output byte is loaded and stored once per up
     * to four lookups.
     */
    private static void combine(byte[][][] tables, byte[][] inputs, byte[][] outputs, int length) {
        for (int start = 0; start < length; start += SLICE_BYTES) {
            int end = Math.min(length, start + SLICE_BYTES);
            for (int o = 0; o < outputs.length; o++) {
                byte[] output = outputs[o];
                byte[][] row = tables[o];
                int i = 0;
                for (; i + 4 <= inputs.length; i += 4) {
                    byte[] t0 = row[i];
                    byte[] t1 = row[i + 1];
                    byte[] t2 = row[i + 2];
                    byte[] t3 = row[i + 3];
                    byte[] in0 = inputs[i];
                    byte[] in1 = inputs[i + 1];
                    byte[] in2 = inputs[i + 2];
                    byte[] in3 = inputs[i + 3];
                    for (int b = start; b < end; b++) {
                        output[b] ^= (byte) (t0[in0[b] & 0xFF] ^ t1[in1[b] & 0xFF]
                                ^ t2[in2[b] & 0xFF] ^ t3[in3[b] & 0xFF]);
                    }
                }
                if (i + 2 <= inputs.length) { // committees of 4 to 6 have two data shards: one pass, not two
                    byte[] t0 = row[i];
                    byte[] t1 = row[i + 1];
                    byte[] in0 = inputs[i];
                    byte[] in1 = inputs[i + 1];
                    for (int b = start; b < end; b++) {
                        output[b] ^= (byte) (t0[in0[b] & 0xFF] ^ t1[in1[b] & 0xFF]);
                    }
                    i += 2;
                }
                for (; i < inputs.length; i++) {
                    byte[] table = row[i];
                    byte[] input = inputs[i];
                    for (int b = start; b < end; b++) {
                        output[b] ^= table[input[b] & 0xFF];
                    }
                }
            }
        }
    }

    private void writeFramed(ByteBuffer payload, byte[][] shards, int shardSize) {
        int length = payload.remaining();
        byte[] header = {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
        for (int p = 0; p < HEADER_BYTES; p++) {
            shards[p / shardSize][p % shardSize] = header[p];
        }
        transferPayload(payload, shards, shardSize, true);
    }

    private byte[] readFramed(byte[][] data, int shardSize) throws InvalidEncodingException {
        long length = 0;
        for (int p = 0; p < HEADER_BYTES; p++) {
            length = (length << 8) | (data[p / shardSize][p % shardSize] & 0xFF);
        }
        long capacity = (long) dataShards * shardSize - HEADER_BYTES;
        if (length > capacity || shardSize((int) length) != shardSize) {
            throw new InvalidEncodingException("decoded length header " + length
                    + " does not match shard size " + shardSize + " for " + dataShards + " data shards");
        }
        byte[] payload = new byte[(int) length];
        transferPayload(ByteBuffer.wrap(payload), data, shardSize, false);
        for (int position = HEADER_BYTES + payload.length; position < dataShards * shardSize; position++) {
            if (data[position / shardSize][position % shardSize] != 0) {
                throw new InvalidEncodingException("non-zero padding at byte " + position + " of the decoded data");
            }
        }
        return payload;
    }

    /** Copies the payload's remaining bytes between its flat form and its place after the header in the data shards. */
    private static void transferPayload(ByteBuffer payload, byte[][] shards, int shardSize, boolean intoShards) {
        int position = HEADER_BYTES;
        while (payload.hasRemaining()) {
            byte[] shard = shards[position / shardSize];
            int offset = position % shardSize;
            int chunk = Math.min(shardSize - offset, payload.remaining());
            if (intoShards) {
                payload.get(shard, offset, chunk);
            } else {
                payload.put(shard, offset, chunk);
            }
            position += chunk;
        }
    }
}
