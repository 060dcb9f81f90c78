package starfish.node.dissemination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import starfish.node.crypto.Digest;
import starfish.node.dag.BlockReference;

class KnownHoldersTest {

    private record Held(int peer, BlockReference reference) {
    }

    private static BlockReference reference(int author, long round, int digest) {
        byte[] bytes = new byte[Digest.LENGTH];
        bytes[0] = (byte) digest;
        return new BlockReference(author, round, new Digest(bytes));
    }

    @Test
    void holdsWhatAHashSetOfPeerAndReferenceHolds() {
        // 70 peers: the bits of one author span two words
        int committeeSize = 70;
        SplittableRandom random = new SplittableRandom(3);
        KnownHolders known = new KnownHolders(committeeSize);
        Set<Held> expected = new HashSet<>();
        long floor = 0;
        for (int step = 0; step < 50_000; step++) {
            if (random.nextInt(200) == 0) {
                long asked = random.nextLong(0, 30);
                known.forgetBelow(asked);
                floor = Math.max(floor, asked);
                long forgotten = floor;
                expected.removeIf(held -> held.reference().round() < forgotten);
                continue;
            }
            // authors beyond the committee and equivocations (a second digest for one author and round) included
            int peer = random.nextInt(committeeSize);
            BlockReference reference = reference(random.nextInt(committeeSize + 1), random.nextLong(0, 30),
                    random.nextInt(3));
            assertThat(known.add(peer, reference)).as("step %d: %d %s", step, peer, reference)
                    .isEqualTo(expected.add(new Held(peer, reference)));
        }
    }

    @Test
    void forgetsTheRoundsBelowTheFloorForEveryPeer() {
        KnownHolders known = new KnownHolders(4);
        known.add(0, reference(1, 4, 0));
        known.add(3, reference(1, 4, 1));
        known.add(2, reference(2, 5, 0));

        known.forgetBelow(5);

        assertThat(known.add(0, reference(1, 4, 0))).isTrue();
        assertThat(known.add(3, reference(1, 4, 1))).isTrue();
        assertThat(known.add(2, reference(2, 5, 0))).isFalse();
        assertThat(known.add(1, reference(2, 5, 0))).isTrue();
    }

    @Test
    void aLowerFloorLaterForgetsNothingMore() {
        KnownHolders known = new KnownHolders(4);
        known.forgetBelow(10);
        known.add(1, reference(0, 12, 0));

        known.forgetBelow(3);

        assertThat(known.add(1, reference(0, 12, 0))).isFalse();
    }
}
