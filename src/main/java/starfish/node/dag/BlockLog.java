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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import starfish.node.config.Committee;
import starfish.node.config.NodeParameters;

/**
 * The write-ahead log of the DAG: every block that enters the store, in causal order, in a directory of segment
 * files. A segment starts with an 8-byte header and holds records [int length][int CRC32C of the block bytes][int
 * CRC32C of those 8 bytes][block bytes]; the header's own checksum tells a damaged length in the middle from a
 * record cut short at the end. A segment is sealed (flushed and forced) once it passes the segment size, before the
 * next one is created; {@link #deleteSegmentsBelow} deletes sealed segments whose blocks all lie below a round, so
 * that disk use stays bounded by the garbage-collection window. A validator's own block reaches stable storage
 * (flushed and forced, together with the blocks buffered before it: a group commit) before it is sent, so that
 * after a crash, even a power cut, the validator knows every block it signed and never signs a second one for a round.
 * <p>
 * Opening streams back what a previous run wrote and checks the signature of every block it keeps. Only the tail of the last
 * segment may be damaged (a record torn by the crash: cut short, or the last one with a bad checksum, or zeros): it
 * is cut off. Damage before it is refused with {@link CorruptLogException}. A failed write is a
 * {@link StorageFailure}, and the log accepts nothing after it. Not thread-safe: written by the core thread.
 */
public final class BlockLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BlockLog.class);
    private static final byte[] MAGIC = {'S', 'F', 'W', 'A', 'L', 0, 0, 3};
    private static final int RECORD_HEADER = 12;
    private static final int MAX_RECORD = 64 << 20;
    private static final String SEGMENT_PREFIX = "segment-";
    private static final String SEGMENT_SUFFIX = ".wal";

    /** A sealed segment, the highest round among its blocks, and its length. */
    private record Sealed(Path file, long maxRound, long bytes) {
    }

    private final Path directory;
    private final int self;
    private final long segmentBytes;
    private final boolean forceOwnBlocks;
    private final List<Block> recovered;
    private final Set<BlockReference> recoveredReferences = new HashSet<>();
    private final Deque<Sealed> sealed;
    private final CRC32C crc = new CRC32C();
    private Path file;
    private long segmentNumber;
    private volatile FileChannel channel;
    /** The length of the sealed segments still on disk (written by the core thread, read by the metrics thread). */
    private volatile long sealedBytes;
    private OutputStream out;
    private long written;
    private long maxRound;
    /** Reused for every record: a block's encoding is written, not kept, so it need not be a new array each time. */
    private ByteBuffer record = ByteBuffer.allocate(64 * 1024);
    private boolean failed;

    private BlockLog(Path directory, int self, long segmentBytes, boolean forceOwnBlocks, List<Block> recovered,
            Deque<Sealed> sealed, Path file, long segmentNumber, FileChannel channel, long maxRound) throws IOException {
        this.directory = directory;
        this.self = self;
        this.segmentBytes = segmentBytes;
        this.forceOwnBlocks = forceOwnBlocks;
        this.recovered = List.copyOf(recovered);
        this.sealed = sealed;
        this.sealedBytes = sealed.stream().mapToLong(Sealed::bytes).sum();
        this.maxRound = maxRound;
        useSegment(file, segmentNumber, channel);
        recovered.forEach(b -> recoveredReferences.add(b.reference()));
    }

    /** Opens the log in `directory`, recovering (and signature-checking against `committee`) what a previous run wrote. */
    public static BlockLog open(Path directory, int self, Committee committee) throws IOException {
        return open(directory, self, committee, NodeParameters.DEFAULTS.walSegmentBytes());
    }

    /** As {@link #open(Path, int, Committee)}, starting a new segment once one holds `segmentBytes`. */
    public static BlockLog open(Path directory, int self, Committee committee, long segmentBytes) throws IOException {
        return open(directory, self, committee, segmentBytes, true);
    }

    /** As {@link #open(Path, int, Committee, long)}; `forceOwnBlocks` false only where a crash keeps buffered writes. */
    public static BlockLog open(Path directory, int self, Committee committee, long segmentBytes,
            boolean forceOwnBlocks) throws IOException {
        return open(directory, self, committee, segmentBytes, forceOwnBlocks, 0);
    }

    /**
     * As {@link #open(Path, int, Committee, long, boolean)}, recovering only the blocks of round `keepFromRound` and
     * above, and this validator's own blocks: a validator that resumes from a commit checkpoint drops the others
     * anyway, so neither keeping them nor checking their signatures is worth a restart's time. The records of the
     * blocks left out are still checked (checksums), so damage before the tail is refused all the same.
     */
    public static BlockLog open(Path directory, int self, Committee committee, long segmentBytes,
            boolean forceOwnBlocks, long keepFromRound) throws IOException {
        long startNanos = System.nanoTime();
        Files.createDirectories(directory);
        List<Path> segments = segments(directory);
        List<Block> recovered = new ArrayList<>();
        Deque<Sealed> sealed = new ArrayDeque<>();
        RecoveryScope scope = new RecoveryScope(committee, self, keepFromRound);
        for (Path segment : segments.subList(0, Math.max(0, segments.size() - 1))) {
            Recovery recovery = new Recovery(segment, Files.size(segment), scope);
            long intact = recovery.read(recovered);
            if (intact < Files.size(segment)) {
                throw new CorruptLogException(segment, intact, "a sealed segment ends in a damaged record");
            }
            sealed.add(new Sealed(segment, recovery.maxRound, Files.size(segment)));
        }
        Path last = segments.isEmpty() ? directory.resolve(segmentName(1)) : segments.get(segments.size() - 1);
        FileChannel channel = FileChannel.open(last, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            long size = channel.size();
            Recovery recovery = new Recovery(last, size, scope);
            long intact = size == 0 ? 0 : recovery.read(recovered);
            if (intact < MAGIC.length) {
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(MAGIC), 0);
                channel.force(true);
                intact = MAGIC.length;
            } else if (intact < size) {
                LOG.warn("{}: cutting off a torn record at byte {} of {} (the previous run stopped while writing it)",
                        last, intact, size);
                channel.truncate(intact);
                channel.force(true);
            }
            channel.position(intact);
            if (!recovered.isEmpty()) {
                LOG.info("{}: recovered {} blocks from {} segments in {} ms ({} below round {} left out)", directory,
                        recovered.size(), sealed.size() + 1, (System.nanoTime() - startNanos) / 1_000_000,
                        scope.leftOut, keepFromRound);
            }
            BlockLog log = new BlockLog(directory, self, segmentBytes, forceOwnBlocks, recovered, sealed, last,
                    segmentNumber(last), channel, recovery.maxRound);
            log.written = intact;
            return log;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The segment files of a log directory, oldest first. */
    public static List<Path> segments(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith(SEGMENT_PREFIX)
                    && f.getFileName().toString().endsWith(SEGMENT_SUFFIX)).sorted().toList();
        }
    }

    private static String segmentName(long number) {
        return String.format("%s%012d%s", SEGMENT_PREFIX, number, SEGMENT_SUFFIX);
    }

    private static long segmentNumber(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(SEGMENT_PREFIX.length(), name.length() - SEGMENT_SUFFIX.length()));
    }

    private void useSegment(Path segment, long number, FileChannel segmentChannel) {
        this.file = segment;
        this.segmentNumber = number;
        this.channel = segmentChannel;
        this.out = new BufferedOutputStream(Channels.newOutputStream(segmentChannel), 1 << 20);
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
            written += record.position();
            maxRound = Math.max(maxRound, block.round());
            if (block.author() == self) {
                out.flush();
                if (forceOwnBlocks) {
                    channel.force(false);
                }
            }
            if (written >= segmentBytes) {
                seal();
            }
        } catch (IOException e) {
            failed = true;
            throw new StorageFailure("cannot write the write-ahead log " + file + " (" + e
                    + "): the validator stops, since a block it signs could otherwise be lost", e);
        }
    }

    /** Forces the current segment and starts the next: recovery then refuses any damage in a sealed segment. */
    private void seal() throws IOException {
        out.flush();
        channel.force(false);
        channel.close();
        sealed.add(new Sealed(file, maxRound, written));
        sealedBytes += written;
        Path next = directory.resolve(segmentName(segmentNumber + 1));
        FileChannel nextChannel = FileChannel.open(next, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        nextChannel.write(ByteBuffer.wrap(MAGIC));
        nextChannel.force(true);
        forceDirectory(directory);
        useSegment(next, segmentNumber + 1, nextChannel);
        written = MAGIC.length;
        maxRound = 0;
    }

    /** Deletes a closed log: its segments and their directory; nothing when it does not exist. */
    public static void delete(Path directory) throws IOException {
        if (Files.notExists(directory)) {
            return;
        }
        try (Stream<Path> segments = Files.list(directory)) {
            for (Path segment : (Iterable<Path>) segments::iterator) {
                Files.delete(segment);
            }
        }
        Files.delete(directory);
    }

    /** Makes a file's creation or renaming in `directory` survive a power cut (Linux: fsync on the directory). */
    public static void forceDirectory(Path directory) throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    /**
     * Deletes the sealed segments whose blocks all lie below `round`: the caller has made durable what a restart
     * needs instead of them (the commit checkpoint). Returns how many were deleted.
     */
    public int deleteSegmentsBelow(long round) {
        int deleted = 0;
        while (!sealed.isEmpty() && sealed.peek().maxRound() < round) {
            Sealed oldest = sealed.poll();
            Path segment = oldest.file();
            sealedBytes -= oldest.bytes();
            try {
                Files.deleteIfExists(segment);
                deleted++;
            } catch (IOException e) {
                throw new StorageFailure("cannot delete the write-ahead log segment " + segment + " (" + e + ")", e);
            }
        }
        return deleted;
    }

    /** Whether some sealed segment lies wholly below `round`, so that a checkpoint there would free disk space. */
    public boolean hasSegmentsBelow(long round) {
        return !sealed.isEmpty() && sealed.peek().maxRound() < round;
    }

    /**
     * The log's length on disk, all segments (records still in the write buffer not yet counted); -1 once closed.
     * Read by the metrics thread.
     */
    public long size() {
        try {
            return sealedBytes + channel.size();
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

    /** Which recovered blocks are kept (and signature-checked), and how many were left out. */
    private static final class RecoveryScope {
        private final Committee committee;
        private final int self;
        private final long keepFromRound;
        private long leftOut;

        RecoveryScope(Committee committee, int self, long keepFromRound) {
            this.committee = committee;
            this.self = self;
            this.keepFromRound = keepFromRound;
        }

        boolean keeps(Block block) {
            boolean kept = block.round() >= keepFromRound || block.author() == self;
            if (!kept) {
                leftOut++;
            }
            return kept;
        }
    }

    /** Streams the records of an existing log, telling a torn tail from damage before it. */
    private static final class Recovery {
        private final Path file;
        private final long size;
        private final RecoveryScope scope;
        private final Committee committee;
        private final CRC32C crc = new CRC32C();
        private long offset;
        /** The highest round among the intact blocks read. */
        long maxRound;

        Recovery(Path file, long size, RecoveryScope scope) {
            this.file = file;
            this.size = size;
            this.scope = scope;
            this.committee = scope.committee;
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
                    Block block = decoded(ByteBuffer.wrap(data), start);
                    maxRound = Math.max(maxRound, block.round());
                    if (scope.keeps(block)) {
                        into.add(verified(block, start));
                    }
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

        private Block decoded(ByteBuffer bytes, long start) throws CorruptLogException {
            try {
                return BlockCodec.decode(bytes);
            } catch (MalformedException e) {
                throw new CorruptLogException(file, start, "undecodable block: " + e.getMessage());
            }
        }

        private Block verified(Block block, long start) throws CorruptLogException {
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
