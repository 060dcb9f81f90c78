package starfish.node.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32C;
import starfish.node.dag.BlockLog;
import starfish.node.dag.CorruptLogException;
import starfish.node.dag.MalformedException;

/**
 * The last {@link CommitCheckpoint} on disk, as [8-byte header][int length][int CRC32C][checkpoint]. It is replaced
 * atomically (written beside, forced, renamed, the directory forced), so a crash leaves the old or the new one,
 * never a mix: a file that does not check is damage, and the validator refuses to start on it.
 */
final class CheckpointFile {

    static final String NAME = "commit.checkpoint";
    private static final byte[] MAGIC = {'S', 'F', 'C', 'K', 'P', 0, 0, 1};

    private final Path file;
    private final Path temporary;

    CheckpointFile(Path storagePath) {
        this.file = storagePath.resolve(NAME);
        this.temporary = storagePath.resolve(NAME + ".new");
    }

    Optional<CommitCheckpoint> read() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
        byte[] magic = new byte[MAGIC.length];
        if (in.remaining() < MAGIC.length + 8 || !Arrays.equals(readMagic(in, magic), MAGIC)) {
            throw new CorruptLogException(file, 0, "not a commit checkpoint of this version");
        }
        int length = in.getInt();
        int checksum = in.getInt();
        if (length != in.remaining() || checksum(in.array(), in.position(), length) != checksum) {
            throw new CorruptLogException(file, MAGIC.length, "checksum mismatch");
        }
        try {
            return Optional.of(CommitCheckpoint.decode(in));
        } catch (MalformedException e) {
            throw new CorruptLogException(file, MAGIC.length, e.getMessage());
        }
    }

    private static byte[] readMagic(ByteBuffer in, byte[] into) {
        in.get(into);
        return into;
    }

    /** Replaces the checkpoint durably: when this returns, a crash finds `checkpoint`. */
    void write(CommitCheckpoint checkpoint) throws IOException {
        byte[] body = checkpoint.encode();
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 8 + body.length);
        out.put(MAGIC).putInt(body.length).putInt(checksum(body, 0, body.length)).put(body).flip();
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            while (out.hasRemaining()) {
                channel.write(out);
            }
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        BlockLog.forceDirectory(file.toAbsolutePath().getParent());
    }

    private static int checksum(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}
