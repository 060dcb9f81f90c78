package starfish.node.dag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
            SigningKey key = SigningKey.fromSeed(SigningKey.deterministicSeed(i));
            keys.add(key);
            authorities.add(new Authority(i, 1, key.publicKey(), "127.0.0.1", 1000 + i, 2000 + i));
        }
        return new Committee(authorities);
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
        Path file = dir.resolve("blocks.wal");
        List<Block> blocks = blocks();
        try (BlockLog log = BlockLog.open(file, 1)) {
            assertThat(log.recovered()).isEmpty();
            assertThat(log.lastOwnBlock()).isEmpty();
            blocks.forEach(log::append);
            log.append(BlockSigner.genesis(committee).get(0)); // genesis is derived, never logged
        }

        try (BlockLog log = BlockLog.open(file, 1)) {
            assertThat(log.recovered()).extracting(Block::reference)
                    .containsExactlyElementsOf(blocks.stream().map(Block::reference).toList());
            assertThat(log.lastOwnBlock()).get().extracting(Block::round).isEqualTo(2L);
            log.append(blocks.get(0)); // already on disk: not written twice
        }
        try (BlockLog log = BlockLog.open(file, 1)) {
            assertThat(log.recovered()).hasSize(blocks.size());
        }
    }

    @Test
    void ownBlocksReachTheFileBeforeTheLogIsClosed() throws Exception {
        Path file = dir.resolve("blocks.wal");
        List<Block> blocks = blocks();
        BlockLog log = BlockLog.open(file, 1);
        blocks.forEach(log::append);
        // not closed, as in a crash: the own round-2 block and everything before it are on disk already
        Files.copy(file, dir.resolve("crashed.wal"));
        try (BlockLog recovered = BlockLog.open(dir.resolve("crashed.wal"), 1)) {
            assertThat(recovered.recovered()).hasSize(blocks.size());
        }
        log.close();
    }

    @Test
    void aRecordTornByACrashIsCutOff() throws Exception {
        Path file = dir.resolve("blocks.wal");
        List<Block> blocks = blocks();
        try (BlockLog log = BlockLog.open(file, 1)) {
            blocks.forEach(log::append);
        }
        long intact = Files.size(file);
        Files.write(file, ByteBuffer.allocate(8).putInt(500).putInt(7).array(), StandardOpenOption.APPEND);

        try (BlockLog log = BlockLog.open(file, 1)) {
            assertThat(log.recovered()).hasSize(blocks.size());
            Block round2 = blocks.get(4);
            log.append(new BlockSigner(1, keys.get(1)).sign(3, 3_000, List.of(round2.reference(),
                    blocks.get(0).reference(), blocks.get(2).reference()), List.of(), Transactions.EMPTY));
        }
        assertThat(Files.size(file)).isGreaterThan(intact);
        try (BlockLog log = BlockLog.open(file, 1)) {
            assertThat(log.recovered()).hasSize(blocks.size() + 1);
        }
    }
}
