package starfish.node.core;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import starfish.node.availability.SequencingState;
import starfish.node.crypto.Digest;
import starfish.node.dag.BlockCodec;
import starfish.node.dag.BlockReference;
import starfish.node.dag.MalformedException;

/**
 * Where the committed sequence stood after a committed leader: everything a validator needs to go on committing
 * from there without the blocks below `leaderRound - gcDepth`, which may then be deleted. `sequenceLength` leaders
 * were output, the last one of round `leaderRound`, with the running digest `sequenceDigest` (the one committed.log
 * carries), and leader slots up to that round are decided; `linearized` are the blocks
 * already output that later leaders can still reach; `sequencing` is the data path's state.
 */
record CommitCheckpoint(long sequenceLength, Digest sequenceDigest, long leaderRound,
        List<BlockReference> linearized, SequencingState sequencing) {

    CommitCheckpoint {
        linearized = linearized.stream().sorted().toList();
    }

    /** The round below which blocks are no longer needed to go on from here. */
    long floor(int gcDepth) {
        return Math.max(0, leaderRound - gcDepth);
    }

    byte[] encode() {
        int references = linearized.size() + sequencing.awaitingQuorum().size() + sequencing.acknowledgers().size();
        int authors = sequencing.acknowledgers().values().stream().mapToInt(List::size).sum();
        ByteBuffer out = ByteBuffer.allocate(8 + Digest.LENGTH + 8 + 3 * 4
                + references * BlockReference.ENCODED_LENGTH + sequencing.acknowledgers().size() * 4 + authors * 4);
        out.putLong(sequenceLength).put(sequenceDigest.bytes()).putLong(leaderRound);
        writeReferences(out, linearized);
        writeReferences(out, sequencing.awaitingQuorum());
        out.putInt(sequencing.acknowledgers().size());
        for (Map.Entry<BlockReference, List<Integer>> entry : sequencing.acknowledgers().entrySet()) {
            BlockCodec.writeReference(out, entry.getKey());
            out.putInt(entry.getValue().size());
            entry.getValue().forEach(out::putInt);
        }
        return out.array();
    }

    static CommitCheckpoint decode(ByteBuffer in) throws MalformedException {
        try {
            long sequenceLength = in.getLong();
            byte[] digest = new byte[Digest.LENGTH];
            in.get(digest);
            long leaderRound = in.getLong();
            List<BlockReference> linearized = readReferences(in);
            List<BlockReference> awaiting = readReferences(in);
            int acknowledged = count(in, BlockReference.ENCODED_LENGTH + 4);
            SortedMap<BlockReference, List<Integer>> acknowledgers = new TreeMap<>();
            for (int i = 0; i < acknowledged; i++) {
                BlockReference reference = BlockCodec.readReference(in);
                int authors = count(in, 4);
                List<Integer> list = new ArrayList<>(authors);
                for (int a = 0; a < authors; a++) {
                    list.add(in.getInt());
                }
                acknowledgers.put(reference, list);
            }
            if (in.hasRemaining() || sequenceLength < 0 || leaderRound < 0) {
                throw new MalformedException("checkpoint has trailing bytes or negative fields");
            }
            return new CommitCheckpoint(sequenceLength, new Digest(digest), leaderRound,
                    linearized, new SequencingState(awaiting, acknowledgers));
        } catch (BufferUnderflowException e) {
            throw new MalformedException("checkpoint truncated");
        }
    }

    private static void writeReferences(ByteBuffer out, List<BlockReference> references) {
        out.putInt(references.size());
        references.forEach(r -> BlockCodec.writeReference(out, r));
    }

    private static List<BlockReference> readReferences(ByteBuffer in) throws MalformedException {
        int count = count(in, BlockReference.ENCODED_LENGTH);
        List<BlockReference> references = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            references.add(BlockCodec.readReference(in));
        }
        return references;
    }

    /** A count of items of at least `itemBytes` each, checked against what is left. */
    private static int count(ByteBuffer in, int itemBytes) throws MalformedException {
        int count = in.getInt();
        if (count < 0 || (long) count * itemBytes > in.remaining()) {
            throw new MalformedException("checkpoint count " + count + " out of range");
        }
        return count;
    }
}
