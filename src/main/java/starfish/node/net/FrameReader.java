package starfish.node.net;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import starfish.node.metrics.RejectionReason;

/** Reads length-prefixed frame bodies; a length outside (0, max] means the stream is corrupt. */
final class FrameReader {

    /** The stream cannot be trusted any more: the connection must be closed. */
    static final class CorruptStreamException extends IOException {
        private final RejectionReason reason;

        CorruptStreamException(RejectionReason reason, String message) {
            super(message);
            this.reason = reason;
        }

        RejectionReason reason() {
            return reason;
        }
    }

    private final DataInputStream in;
    private final int maxFrameBytes;

    FrameReader(InputStream in, int maxFrameBytes) {
        this.in = new DataInputStream(in);
        this.maxFrameBytes = maxFrameBytes;
    }

    /** The next frame's body, or null at a clean end of stream (between frames). */
    byte[] next() throws IOException {
        int length;
        try {
            length = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (length <= 0 || length > maxFrameBytes) {
            throw new CorruptStreamException(RejectionReason.OVERSIZED, "frame length " + length + " outside 1.." + maxFrameBytes);
        }
        byte[] body = new byte[length];
        try {
            in.readFully(body);
        } catch (EOFException e) {
            throw new CorruptStreamException(RejectionReason.TRUNCATED, "stream ended inside a frame of " + length + " bytes");
        }
        return body;
    }
}
