package starfish.node.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.node.TestKeys;
import starfish.node.availability.SequencingState;
import starfish.node.config.Authority;
import starfish.node.config.Committee;
import starfish.node.crypto.Digest;
import starfish.node.crypto.SigningKey;
import starfish.node.dag.BlockReference;
import starfish.node.dag.CorruptLogException;
import starfish.node.dag.FileDamage;

/** Four validators, f = 1: an offer is adopted only when two (f+1) peers make it identically. */
class CatchUpAgreementTest {

    @TempDir
    Path directory;

    private final Committee committee = committee(4);
    private final CatchUpAgreement agreement = new CatchUpAgreement(committee);

    private static Committee committee(int size) {
        List<Authority> authorities = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            SigningKey key = TestKeys.of(i);
            authorities.add(new Authority(i, 1, key.publicKey(), "127.0.0.1", 1000 + i, 2000 + i));
        }
        return new Committee(authorities);
    }

    private static CommitCheckpoint checkpoint(long length, int digestByte) {
        byte[] digest = new byte[Digest.LENGTH];
        digest[0] = (byte) digestByte;
        BlockReference output = new BlockReference(1, length, new Digest(digest));
        TreeMap<BlockReference, List<Integer>> acknowledgers = new TreeMap<>();
        acknowledgers.put(output, List.of(0, 2));
        return new CommitCheckpoint(length, new Digest(digest), length + 3, List.of(output),
                new SequencingState(List.of(output), acknowledgers));
    }

    private static List<String> lines(long from, long to, String tag) {
        List<String> lines = new ArrayList<>();
        for (long i = from; i < to; i++) {
            lines.add(i + " " + tag);
        }
        return lines;
    }

    @Test
    void aCheckpointOneByzantinePeerOffersIsNotAdoptedOneTwoPeersOfferIdenticallyIs() {
        agreement.startFrom(10);
        CatchUpOffer lie = new CatchUpOffer(10, lines(10, 20, "forged"), List.of(checkpoint(20, 9)));
        CatchUpOffer truth = new CatchUpOffer(10, lines(10, 20, "honest"), List.of(checkpoint(15, 1),
                checkpoint(20, 2)));

        assertThat(agreement.offered(3, lie)).as("f peers alone").isEmpty();
        assertThat(agreement.offered(0, truth)).as("one honest and one Byzantine peer disagree").isEmpty();
        CatchUpAgreement.Agreed agreed = agreement.offered(1, truth).orElseThrow();

        assertThat(agreed.checkpoint()).isEqualTo(checkpoint(20, 2));
        assertThat(agreed.lines()).isEqualTo(lines(10, 20, "honest"));
    }

    @Test
    void withoutAnAgreedCheckpointWithinReachTheAgreedLinesAloneAreAdopted() {
        agreement.startFrom(0);
        agreement.offered(0, new CatchUpOffer(0, lines(0, 5, "honest"), List.of(checkpoint(5, 1))));
        CatchUpAgreement.Agreed agreed = agreement.offered(2, new CatchUpOffer(0, lines(0, 5, "honest"),
                List.of(checkpoint(5, 7)))).orElseThrow();

        assertThat(agreed.checkpoint()).as("the two checkpoints differ").isNull();
        assertThat(agreed.lines()).isEqualTo(lines(0, 5, "honest"));
    }

    @Test
    void offersForAnotherStartingIndexDoNotCount() {
        agreement.startFrom(10);
        agreement.offered(0, new CatchUpOffer(10, lines(10, 20, "honest"), List.of(checkpoint(20, 2))));
        agreement.startFrom(12);

        assertThat(agreement.offered(1, new CatchUpOffer(10, lines(10, 20, "honest"), List.of(checkpoint(20, 2)))))
                .isEmpty();
    }

    @Test
    void offersAndCheckpointsSurviveTheirEncodingAndADamagedCheckpointFileIsRefused() throws Exception {
        CatchUpOffer offer = new CatchUpOffer(10, lines(10, 20, "honest"), List.of(checkpoint(20, 2)));
        assertThat(CatchUpOffer.decode(offer.encode())).isEqualTo(offer);

        CheckpointFile file = new CheckpointFile(directory);
        assertThat(file.read()).isEmpty();
        file.write(checkpoint(20, 2));
        assertThat(file.read()).contains(checkpoint(20, 2));
        FileDamage.flipByte(directory.resolve(CheckpointFile.NAME), Files.size(directory.resolve(CheckpointFile.NAME)) - 5);
        assertThatThrownBy(file::read).isInstanceOf(CorruptLogException.class).hasMessageContaining("checksum");
    }
}
