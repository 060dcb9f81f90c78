package starfish.node.dissemination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import starfish.node.crypto.Digest;
import starfish.node.dag.BlockReference;

class KnownReferencesTest {

    private static BlockReference reference(int author, long round, int digest) {
        byte[] bytes = new byte[Digest.LENGTH];
        bytes[0] = (byte) digest;
        return new BlockReference(author, round, new Digest(bytes));
    }

    @Test
    void holdsWhatAHashSetOfTheReferencesHolds() {
        SplittableRandom random = new SplittableRandom(3);
        KnownReferences known = new KnownReferences(4);
        Set<BlockReference> expected = new HashSet<>();
        for (int step = 0; step < 20_000; step++) {
            if (random.nextInt(100) == 0) {
                long floor = random.nextLong(0, 30);
                known.forgetBelow(floor);
                expected.removeIf(reference -> reference.round() < floor);
                continue;
            }
            // authors beyond the committee and equivocations (a second digest for one author and round) included
            BlockReference reference = reference(random.nextInt(5), random.nextLong(0, 30), random.nextInt(3));
            assertThat(known.add(reference)).as("step %d: %s", step, reference).isEqualTo(expected.add(reference));
        }
    }

    @Test
    void forgetsOnlyTheRoundsBelowTheFloor() {
        KnownReferences known = new KnownReferences(4);
        known.add(reference(1, 4, 0));
        known.add(reference(1, 4, 1));
        known.add(reference(2, 5, 0));

        known.forgetBelow(5);

        assertThat(known.add(reference(1, 4, 0))).isTrue();
        assertThat(known.add(reference(1, 4, 1))).isTrue();
        assertThat(known.add(reference(2, 5, 0))).isFalse();
    }
}
