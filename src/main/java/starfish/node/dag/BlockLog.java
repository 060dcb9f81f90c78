package starfish.node.dag;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write-ahead log of the DAG: every block that enters the store, in causal order, as [int length][block]. A
 * validator's own block is flushed before it is sent (with the accepted blocks before it, its parents), so that after
 * a crash the validator knows every block it signed and never signs a second one for the same round. Opening reads
 * back what a previous run wrote; a record torn by the crash is cut off. Not thread-safe: written by the core thread.
 */
public final class BlockLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BlockLog.class);

    private final int self;
    private final List<Block> recovered;
    private final Set<BlockReference> recoveredReferences = new HashSet<>();
    private final OutputStream out;
    /** Reused for every record: a block's encoding is written, not kept, so it need not be a new array each time. */
    private ByteBuffer record = ByteBuffer.allocate(64 * 1024);

    private BlockLog(int self, List<Block> recovered, OutputStream out) {
        this.self = self;
        this.recovered = List.copyOf(recovered);
        this.out = out;
        recovered.forEach(b -> recoveredReferences.add(b.reference()));
    }

    public static BlockLog open(Path file, int self) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        List<Block> recovered = new ArrayList<>();
        if (Files.exists(file)) {
            long intact = readRecords(file, recovered);
            if (intact < Files.size(file)) {
                LOG.warn("{}: cutting off a torn record at byte {} (the previous run stopped while writing it)",
                        file, intact);
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(intact);
                }
            }
            LOG.info("{}: recovered {} blocks", file, recovered.size());
        }
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND), 1 << 20);
        return new BlockLog(self, recovered, out);
    }

    /** The blocks a previous run logged, in the order they entered its DAG. */
    public List<Block> recovered() {
        return recovered;
    }

    /** The highest-round block this validator signed in a previous run, if any. */
    public java.util.Optional<Block> lastOwnBlock() {
        return recovered.stream().filter(b -> b.author() == self)
                .max(java.util.Comparator.comparingLong(Block::round));
    }

    /** Logs a block that entered the DAG (genesis and recovered blocks are not logged again). */
    public void append(Block block) {
        if (block.round() == 0 || recoveredReferences.contains(block.reference())) {
            return;
        }
        int length = BlockCodec.encodedLength(block);
        if (record.capacity() < 4 + length) {
            record = ByteBuffer.allocate(Math.max(4 + length, 2 * record.capacity()));
        }
        record.clear().putInt(length);
        BlockCodec.encode(block, record);
        try {
            out.write(record.array(), 0, record.position());
            if (block.author() == self) {
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the block log failed", e);
        }
    }

    private static long readRecords(Path file, List<Block> into) throws IOException {
        ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(file));
        long intact = 0;
        while (data.remaining() >= 4) {
            int length = data.getInt();
            if (length <= 0 || length > data.remaining()) {
                break;
            }
            ByteBuffer record = data.slice(data.position(), length);
            data.position(data.position() + length);
            try {
                into.add(BlockCodec.decode(record));
            } catch (MalformedException e) {
                break;
            }
            intact = data.position();
        }
        return intact;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
