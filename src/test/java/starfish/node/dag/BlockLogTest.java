package starfish.node.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.node.TestKeys;
import starfish.node.config.Authority;
import starfish.node.config.Committee;
import starfish.node.crypto.SigningKey;

class BlockLogTest {

    @TempDir
    Path dir;

    private final List<SigningKey> keys = new ArrayList<>();
    private final Committee committee = committee(4);

    private Committee committee(int size) {
        List<Authority> authorities = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            SigningKey key = TestKeys.of(i);
            keys.add(key);
            authorities.add(new Authority(i, 1, key.publicKey(), "127.0.0.1", 1000 + i, 2000 + i));
        }
        return new Committee(authorities);
    }

    /** A log in `wal` that validator `self` wrote with these blocks and closed. */
    private Path logged(List<Block> blocks, int self) throws IOException {
        Path wal = dir.resolve("wal");
        try (BlockLog log = BlockLog.open(wal, self, committee)) {
            blocks.forEach(log::append);
        }
        return wal;
    }

    /** Round 1 of all four authorities, then authority 1's round 2. */
    private List<Block> blocks() {
        List<BlockReference> genesis = BlockSigner.genesis(committee).stream().map(Block::reference).toList();
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            List<BlockReference> parents = new ArrayList<>(genesis);
            parents.add(0, parents.remove(i));
            blocks.add(new BlockSigner(i, keys.get(i)).sign(1, 1_000 + i, parents, List.of(), Transactions.EMPTY));
        }
        List<BlockReference> round1 = new ArrayList<>(blocks.stream().map(Block::reference).toList());
        round1.add(0, round1.remove(1));
        blocks.add(new BlockSigner(1, keys.get(1)).sign(2, 2_000, round1, List.of(), Transactions.EMPTY));
        return blocks;
    }

    @Test
    void recoversWhatAPreviousRunLoggedAndItsOwnLastBlock() throws Exception {
        Path wal = dir.resolve("wal");
        List<Block> blocks = blocks();
        try (BlockLog log = BlockLog.open(wal, 1, committee)) {
            assertThat(log.recovered()).isEmpty();
            assertThat(log.lastOwnBlock()).isEmpty();
            blocks.forEach(log::append);
            log.append(BlockSigner.genesis(committee).get(0)); // genesis is derived, never logged
        }

        try (BlockLog log = BlockLog.open(wal, 1, committee)) {
            assertThat(log.recovered()).extracting(Block::reference)
                    .containsExactlyElementsOf(blocks.stream().map(Block::reference).toList());
            assertThat(log.lastOwnBlock()).get().extracting(Block::round).isEqualTo(2L);
            log.append(blocks.get(0)); // already on disk: not written twice
        }
        try (BlockLog log = BlockLog.open(wal, 1, committee)) {
            assertThat(log.recovered()).hasSize(blocks.size());
        }
    }

    @Test
    void recoversOnlyFromTheRoundAskedForAndEveryOwnBlock() throws Exception {
        List<Block> blocks = blocks();
        Path wal = logged(blocks, 0);

        try (BlockLog log = BlockLog.open(wal, 0, committee, 1L << 20, true, 2)) {
            assertThat(log.recovered()).extracting(Block::reference)
                    .containsExactly(blocks.get(0).reference(), blocks.get(4).reference());
            assertThat(log.lastOwnBlock()).get().extracting(Block::reference).isEqualTo(blocks.get(0).reference());
        }
    }

    @Test
    void ownBlocksReachTheFileBeforeTheLogIsClosed() throws Exception {
        Path wal = dir.resolve("wal");
        List<Block> blocks = blocks();
        BlockLog log = BlockLog.open(wal, 1, committee);
        blocks.forEach(log::append);
        // not closed, as in a crash: the own round-2 block and everything before it are on disk already
        Path crashed = Files.createDirectories(dir.resolve("crashed"));
        Files.copy(segment(wal), crashed.resolve(segment(wal).getFileName()));
        try (BlockLog recovered = BlockLog.open(crashed, 1, committee)) {
            assertThat(recovered.recovered()).hasSize(blocks.size());
        }
        log.close();
    }

    @Test
    void aRecordTornByACrashIsCutOff() throws Exception {
        List<Block> blocks = blocks();
        Path wal = logged(blocks, 1);
        long intact = Files.size(segment(wal));
        Files.write(segment(wal), ByteBuffer.allocate(8).putInt(500).putInt(7).array(), StandardOpenOption.APPEND);

        try (BlockLog log = BlockLog.open(wal, 1, committee)) {
            assertThat(log.recovered()).hasSize(blocks.size());
            Block round2 = blocks.get(4);
            log.append(new BlockSigner(1, keys.get(1)).sign(3, 3_000, List.of(round2.reference(),
                    blocks.get(0).reference(), blocks.get(2).reference()), List.of(), Transactions.EMPTY));
        }
        assertThat(Files.size(segment(wal))).isGreaterThan(intact);
        try (BlockLog log = BlockLog.open(wal, 1, committee)) {
            assertThat(log.recovered()).hasSize(blocks.size() + 1);
        }
    }

    /** A log of the five blocks, closed cleanly. */
    private static Path segment(Path wal) throws Exception {
        return BlockLog.segments(wal).get(0);
    }

    private Path loggedBlocks() throws Exception {
        Path wal = dir.resolve("wal");
        try (BlockLog log = BlockLog.open(wal, 1, committee)) {
            blocks().forEach(log::append);
        }
        return wal;
    }

    @Test
    void corruptionBeforeTheTailIsRefusedWithAClearError() throws Exception {
        Path wal = loggedBlocks();
        long middle = Files.size(segment(wal)) / 2;
        FileDamage.flipByte(segment(wal), middle);

        assertThatThrownBy(() -> BlockLog.open(wal, 1, committee)).isInstanceOf(CorruptLogException.class)
                .hasMessageContaining(segment(wal).toString()).hasMessageContaining("is corrupt at byte")
                .hasMessageContaining("refusing to start");
    }

    @Test
    void aDamagedLengthBeforeTheTailIsRefusedNotTakenForATornTail() throws Exception {
        Path wal = loggedBlocks();
        FileDamage.flipByte(segment(wal), 8); // the high byte of the first record's length: it now reaches past the end of the file

        assertThatThrownBy(() -> BlockLog.open(wal, 1, committee)).isInstanceOf(CorruptLogException.class)
                .hasMessageContaining("at byte 8").hasMessageContaining("damaged record header");
    }

    @Test
    void aLastRecordWrittenOnlyInPartIsCutOffWhateverItsBytes() throws Exception {
        Path wal = loggedBlocks();
        long size = Files.size(segment(wal));
        FileDamage.flipByte(segment(wal), size - 3); // the last record's bytes, not all on disk before the crash

        try (BlockLog log = BlockLog.open(wal, 1, committee)) {
            assertThat(log.recovered()).hasSize(4);
            assertThat(log.lastOwnBlock()).get().extracting(Block::round).isEqualTo(1L);
        }
        assertThat(Files.size(segment(wal))).isLessThan(size);
    }

    @Test
    void zerosLeftAfterTheLastRecordAreCutOff() throws Exception {
        Path wal = loggedBlocks();
        long size = Files.size(segment(wal));
        Files.write(segment(wal), new byte[4096], StandardOpenOption.APPEND);

        try (BlockLog log = BlockLog.open(wal, 1, committee)) {
            assertThat(log.recovered()).hasSize(5);
        }
        assertThat(Files.size(segment(wal))).isEqualTo(size);
    }

    @Test
    void aBlockThatIsNotValidlySignedIsRefused() throws Exception {
        Path wal = dir.resolve("wal");
        Block good = blocks().get(0);
        Block forged = new Block(good.reference(), good.creationTimeMs(), good.parents(), good.acknowledgements(),
                good.payloadCommitment(), new byte[64], good.payload());
        try (BlockLog log = BlockLog.open(wal, 1, committee)) {
            log.append(forged);
            log.append(blocks().get(1));
        }

        assertThatThrownBy(() -> BlockLog.open(wal, 1, committee)).isInstanceOf(CorruptLogException.class)
                .hasMessageContaining("bad signature");
    }

    @Test
    void aFileOfAnotherFormatIsRefused() throws Exception {
        Path wal = dir.resolve("wal");
        Files.createDirectories(wal);
        Files.write(wal.resolve("segment-000000000001.wal"), ByteBuffer.allocate(64).putInt(40).array());

        assertThatThrownBy(() -> BlockLog.open(wal, 1, committee)).isInstanceOf(CorruptLogException.class)
                .hasMessageContaining("not a write-ahead log of this version");
    }

    @Test
    void aFailedWriteIsAStorageFailureAndNothingIsLoggedAfterIt() throws Exception {
        Path wal = dir.resolve("wal");
        List<Block> blocks = blocks();
        BlockLog log = BlockLog.open(wal, 1, committee);
        log.append(blocks.get(0));
        log.close(); // the file is gone from under the log, as when the disk fails

        assertThatThrownBy(() -> log.append(blocks.get(1))).isInstanceOf(StorageFailure.class)
                .hasMessageContaining("cannot write the write-ahead log " + segment(wal)).hasMessageContaining("stops");
        assertThatThrownBy(() -> log.append(blocks.get(2))).isInstanceOf(StorageFailure.class)
                .hasMessageContaining("failed earlier");
        try (BlockLog reopened = BlockLog.open(wal, 1, committee)) {
            assertThat(reopened.recovered()).hasSize(1);
        }
    }

    @Test
    void segmentsWhollyBelowARoundAreDeletedAndWhatIsLeftIsRecovered() throws Exception {
        Path wal = dir.resolve("wal");
        List<Block> blocks = blocks();
        try (BlockLog log = BlockLog.open(wal, 1, committee, 1)) { // every record seals its segment
            blocks.forEach(log::append);
            assertThat(log.hasSegmentsBelow(2)).isTrue();
            assertThat(log.deleteSegmentsBelow(2)).as("the four round-1 segments").isEqualTo(4);
            assertThat(log.hasSegmentsBelow(2)).isFalse();
            long onDisk = 0;
            for (Path segment : BlockLog.segments(wal)) {
                onDisk += Files.size(segment);
            }
            assertThat(log.size()).as("what the storage metric reports").isEqualTo(onDisk);
        }
        assertThat(BlockLog.segments(wal)).hasSize(2); // round 2's, and the empty one started after it

        try (BlockLog log = BlockLog.open(wal, 1, committee, 1)) {
            assertThat(log.recovered()).extracting(Block::reference).containsExactly(blocks.get(4).reference());
            assertThat(log.lastOwnBlock()).get().extracting(Block::round).isEqualTo(2L);
        }
    }

    @Test
    void aSealedSegmentCutShortIsRefusedNotTakenForATornTail() throws Exception {
        Path wal = dir.resolve("wal");
        try (BlockLog log = BlockLog.open(wal, 1, committee, 1)) {
            blocks().forEach(log::append);
        }
        Path first = segment(wal);
        try (var channel = java.nio.channels.FileChannel.open(first, StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(first) - 3);
        }

        assertThatThrownBy(() -> BlockLog.open(wal, 1, committee, 1)).isInstanceOf(CorruptLogException.class)
                .hasMessageContaining(first.toString()).hasMessageContaining("sealed segment");
    }
}
