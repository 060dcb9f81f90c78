package starfish.node.dag;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import starfish.node.config.Committee;

/**
 * The write-ahead log of the DAG: every block that enters the store, in causal order, after an 8-byte file header,
 * as records [int length][int CRC32C of the block bytes][int CRC32C of those 8 bytes][block bytes]; the header's own
 * checksum tells a damaged length in the middle from a record cut short at the end. A validator's own block reaches stable storage
 * (flushed and forced, together with the blocks buffered before it: a group commit) before it is sent, so that
 * after a crash, even a power cut, the validator knows every block it signed and never signs a second one for a round.
 * <p>
 * Opening streams back what a previous run wrote and checks every block's signature. Only the tail may be damaged
 * (a record torn by the crash: cut short, or the last one with a bad checksum, or zeros): it is cut off. Damage
 * before the tail is refused with {@link CorruptLogException}. A failed write is a {@link StorageFailure}, and the
 * log accepts nothing after it. Not thread-safe: written by the core thread.
 */
public final class BlockLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BlockLog.class);
    private static final byte[] MAGIC = {'S', 'F', 'W', 'A', 'L', 0, 0, 2};
    private static final int RECORD_HEADER = 12;
    private static final int MAX_RECORD = 64 << 20;

    private final Path file;
    private final int self;
    private final List<Block> recovered;
    private final Set<BlockReference> recoveredReferences = new HashSet<>();
    private final FileChannel channel;
    private final OutputStream out;
    private final CRC32C crc = new CRC32C();
    /** Reused for every record: a block's encoding is written, not kept, so it need not be a new array each time. */
    private ByteBuffer record = ByteBuffer.allocate(64 * 1024);
    private boolean failed;

    private BlockLog(Path file, int self, List<Block> recovered, FileChannel channel) {
        this.file = file;
        this.self = self;
        this.recovered = List.copyOf(recovered);
        this.channel = channel;
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 20);
        recovered.forEach(b -> recoveredReferences.add(b.reference()));
    }

    /** Opens the log, recovering (and signature-checking against `committee`) what a previous run wrote. */
    public static BlockLog open(Path file, int self, Committee committee) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        List<Block> recovered = new ArrayList<>();
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            long size = channel.size();
            long intact = size == 0 ? 0 : new Recovery(file, size, committee).read(recovered);
            if (intact < MAGIC.length) {
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(MAGIC), 0);
                channel.force(true);
                intact = MAGIC.length;
            } else if (intact < size) {
                LOG.warn("{}: cutting off a torn record at byte {} of {} (the previous run stopped while writing it)",
                        file, intact, size);
                channel.truncate(intact);
                channel.force(true);
            }
            channel.position(intact);
            if (!recovered.isEmpty()) {
                LOG.info("{}: recovered {} blocks", file, recovered.size());
            }
            return new BlockLog(file, self, recovered, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The blocks a previous run logged, in the order they entered its DAG. */
    public List<Block> recovered() {
        return recovered;
    }

    /** The highest-round block this validator signed in a previous run, if any. */
    public Optional<Block> lastOwnBlock() {
        return recovered.stream().filter(b -> b.author() == self).max(Comparator.comparingLong(Block::round));
    }

    /**
     * Logs a block that entered the DAG (genesis and recovered blocks are not logged again); an own block is on
     * stable storage when this returns. Throws {@link StorageFailure} when the write fails, and after that.
     */
    public void append(Block block) {
        if (block.round() == 0 || recoveredReferences.contains(block.reference())) {
            return;
        }
        if (failed) {
            throw new StorageFailure("the write-ahead log " + file + " failed earlier: nothing more is logged", null);
        }
        int length = BlockCodec.encodedLength(block);
        if (record.capacity() < RECORD_HEADER + length) {
            record = ByteBuffer.allocate(Math.max(RECORD_HEADER + length, 2 * record.capacity()));
        }
        record.clear().putInt(length).putInt(0).putInt(0);
        BlockCodec.encode(block, record);
        record.putInt(4, checksum(record.array(), RECORD_HEADER, length));
        record.putInt(8, checksum(record.array(), 0, 8));
        try {
            out.write(record.array(), 0, record.position());
            if (block.author() == self) {
                out.flush();
                channel.force(false);
            }
        } catch (IOException e) {
            failed = true;
            throw new StorageFailure("cannot write the write-ahead log " + file + " (" + e
                    + "): the validator stops, since a block it signs could otherwise be lost", e);
        }
    }

    /** The log's length on disk (records still in the write buffer not yet counted); -1 once closed. */
    public long size() {
        try {
            return channel.size();
        } catch (IOException e) {
            return -1;
        }
    }

    private int checksum(byte[] bytes, int offset, int length) {
        crc.reset();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    @Override
    public void close() throws IOException {
        try {
            if (!failed) {
                out.flush();
                channel.force(false);
            }
        } finally {
            channel.close();
        }
    }

    /** Streams the records of an existing log, telling a torn tail from damage before it. */
    private static final class Recovery {
        private final Path file;
        private final long size;
        private final Committee committee;
        private final CRC32C crc = new CRC32C();
        private long offset;

        Recovery(Path file, long size, Committee committee) {
            this.file = file;
            this.size = size;
            this.committee = committee;
        }

        /** Adds the intact blocks to `into`; returns where the intact part ends. */
        long read(List<Block> into) throws IOException {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file),
                    1 << 20))) {
                byte[] magic = new byte[MAGIC.length];
                if (!readFully(in, magic)) {
                    return 0; // the previous run stopped while creating the file
                }
                if (!Arrays.equals(magic, MAGIC)) {
                    throw new CorruptLogException(file, 0, "not a write-ahead log of this version");
                }
                offset = MAGIC.length;
                byte[] header = new byte[RECORD_HEADER];
                while (size - offset >= RECORD_HEADER) {
                    long start = offset;
                    in.readFully(header);
                    offset += RECORD_HEADER;
                    ByteBuffer fields = ByteBuffer.wrap(header);
                    int length = fields.getInt(0);
                    if (fields.getInt(8) != checksum(header, 0, 8)) {
                        if (isZeros(header) && restIsZeros(in)) {
                            return start; // space the file system allocated but the crash left unwritten
                        }
                        throw new CorruptLogException(file, start, "damaged record header");
                    }
                    if (length <= 0 || length > MAX_RECORD) {
                        throw new CorruptLogException(file, start, "record length " + length);
                    }
                    if (length > size - offset) {
                        return start; // the last record, cut short
                    }
                    byte[] data = new byte[length]; // not reused: a decoded block may keep a view of its bytes
                    in.readFully(data);
                    offset += length;
                    if (checksum(data, 0, length) != fields.getInt(4)) {
                        if (offset == size) {
                            return start; // the last record, written in part
                        }
                        throw new CorruptLogException(file, start, "checksum mismatch");
                    }
                    into.add(verified(ByteBuffer.wrap(data), start));
                }
                return offset;
            }
        }

        private int checksum(byte[] bytes, int from, int length) {
            crc.reset();
            crc.update(bytes, from, length);
            return (int) crc.getValue();
        }

        private static boolean isZeros(byte[] bytes) {
            for (byte b : bytes) {
                if (b != 0) {
                    return false;
                }
            }
            return true;
        }

        private Block verified(ByteBuffer bytes, long start) throws CorruptLogException {
            Block block;
            try {
                block = BlockCodec.decode(bytes);
            } catch (MalformedException e) {
                throw new CorruptLogException(file, start, "undecodable block: " + e.getMessage());
            }
            if (!committee.isValidIndex(block.author())
                    || !committee.authority(block.author()).publicKey().verify(block.digest(), block.signature())) {
                throw new CorruptLogException(file, start, "bad signature on " + block);
            }
            return block;
        }

        private boolean restIsZeros(InputStream in) throws IOException {
            int b;
            while ((b = in.read()) >= 0) {
                if (b != 0) {
                    return false;
                }
            }
            return true;
        }

        private static boolean readFully(DataInputStream in, byte[] into) throws IOException {
            try {
                in.readFully(into);
                return true;
            } catch (EOFException e) {
                return false;
            }
        }
    }
}
