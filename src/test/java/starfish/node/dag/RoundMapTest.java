package starfish.node.dag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import starfish.node.crypto.Digest;

class RoundMapTest {

    private static BlockReference reference(int author, long round) {
        byte[] bytes = new byte[Digest.LENGTH];
        bytes[0] = (byte) author;
        bytes[1] = (byte) round;
        return new BlockReference(author, round, new Digest(bytes));
    }

    @Test
    void holdsWhatAHashMapWithRoundsRemovedByScanningHolds() {
        SplittableRandom random = new SplittableRandom(5);
        RoundMap<Integer> map = new RoundMap<>();
        Map<BlockReference, Integer> expected = new HashMap<>();
        for (int step = 0; step < 50_000; step++) {
            BlockReference reference = reference(random.nextInt(6), random.nextLong(0, 40));
            switch (random.nextInt(10)) {
                case 0 -> {
                    long round = random.nextLong(0, 40);
                    map.removeBelow(round);
                    expected.keySet().removeIf(r -> r.round() < round);
                }
                case 1, 2 -> assertThat(map.remove(reference)).isEqualTo(expected.remove(reference));
                case 3 -> assertThat(map.computeIfAbsent(reference, r -> 7))
                        .isEqualTo(expected.computeIfAbsent(reference, r -> 7));
                default -> assertThat(map.put(reference, step)).isEqualTo(expected.put(reference, step));
            }
            assertThat(map.containsKey(reference)).isEqualTo(expected.containsKey(reference));
        }
        assertThat(map.asMap()).isEqualTo(expected);
    }

    @Test
    void aSetAddsOnceAndDropsWholeRounds() {
        RoundSet set = new RoundSet();

        assertThat(set.add(reference(1, 3))).isTrue();
        assertThat(set.add(reference(1, 3))).isFalse();
        set.add(reference(2, 4));
        set.removeBelow(4);

        assertThat(set.contains(reference(1, 3))).isFalse();
        assertThat(set.asSet()).containsExactly(reference(2, 4));
    }
}
