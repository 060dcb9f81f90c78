package starfish.node.core;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import starfish.node.dag.MalformedException;

/**
 * A peer's answer to a catch-up request: its committed.log lines from `fromIndex` on, and its recent commit
 * checkpoints (each within those lines' reach). Validators in the same state encode it to the same bytes.
 */
record CatchUpOffer(long fromIndex, List<String> lines, List<CommitCheckpoint> checkpoints) {

    /** Far more than a committed.log line takes; a longer one is not a line. */
    private static final int MAX_LINE_BYTES = 1024;

    CatchUpOffer {
        lines = List.copyOf(lines);
        checkpoints = List.copyOf(checkpoints);
    }

    /** The lines up to (not including) sequence index `index`, or null when this offer does not reach it. */
    List<String> linesUpTo(long index) {
        long count = index - fromIndex;
        return count < 0 || count > lines.size() ? null : lines.subList(0, (int) count);
    }

    byte[] encode() {
        List<byte[]> encodedLines = lines.stream().map(l -> l.getBytes(StandardCharsets.US_ASCII)).toList();
        List<byte[]> encodedCheckpoints = checkpoints.stream().map(CommitCheckpoint::encode).toList();
        int length = 8 + 4 + 4;
        for (byte[] line : encodedLines) {
            length += 4 + line.length;
        }
        for (byte[] checkpoint : encodedCheckpoints) {
            length += 4 + checkpoint.length;
        }
        ByteBuffer out = ByteBuffer.allocate(length).putLong(fromIndex);
        out.putInt(encodedLines.size());
        encodedLines.forEach(line -> out.putInt(line.length).put(line));
        out.putInt(encodedCheckpoints.size());
        encodedCheckpoints.forEach(checkpoint -> out.putInt(checkpoint.length).put(checkpoint));
        return out.array();
    }

    static CatchUpOffer decode(byte[] bytes) throws MalformedException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            long fromIndex = in.getLong();
            int lineCount = count(in);
            List<String> lines = new ArrayList<>(lineCount);
            for (int i = 0; i < lineCount; i++) {
                byte[] line = chunk(in, MAX_LINE_BYTES);
                lines.add(new String(line, StandardCharsets.US_ASCII));
            }
            int checkpointCount = count(in);
            List<CommitCheckpoint> checkpoints = new ArrayList<>(checkpointCount);
            for (int i = 0; i < checkpointCount; i++) {
                checkpoints.add(CommitCheckpoint.decode(ByteBuffer.wrap(chunk(in, in.remaining()))));
            }
            if (in.hasRemaining() || fromIndex < 0) {
                throw new MalformedException("catch-up offer has trailing bytes or a negative index");
            }
            return new CatchUpOffer(fromIndex, lines, checkpoints);
        } catch (BufferUnderflowException e) {
            throw new MalformedException("catch-up offer truncated");
        }
    }

    /** A count of items of at least 4 bytes each, checked against what is left. */
    private static int count(ByteBuffer in) throws MalformedException {
        int count = in.getInt();
        if (count < 0 || 4L * count > in.remaining()) {
            throw new MalformedException("catch-up offer count " + count + " out of range");
        }
        return count;
    }

    private static byte[] chunk(ByteBuffer in, int maxLength) throws MalformedException {
        int length = in.getInt();
        if (length < 0 || length > maxLength || length > in.remaining()) {
            throw new MalformedException("catch-up offer item of " + length + " bytes out of range");
        }
        byte[] chunk = new byte[length];
        in.get(chunk);
        return chunk;
    }
}
