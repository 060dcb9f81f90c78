package starfish.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import starfish.node.net.MimickedLatency;

class LinkModelTest {

    private static final LinkModel TABLE = new LinkModel(Optional.empty(), 3);
    private static final LinkModel UNIFORM = new LinkModel(Optional.of(Duration.ofMillis(100)), 5);

    @Test
    void withTheTableTheValidatorsOfARegionShareALaneTheMostPopulousFirst() {
        int[] lanes = TABLE.lanes(100);

        for (int a = 0; a < 100; a++) {
            for (int b = 0; b < 100; b++) {
                assertThat(lanes[a] == lanes[b]).isEqualTo(MimickedLatency.region(a) == MimickedLatency.region(b));
            }
        }
        assertThat(Arrays.stream(lanes).max().orElseThrow()).isEqualTo(8);
        assertThat(lanes[4]).as("region 8 holds two of every ten validators").isZero();
        assertThat(Arrays.stream(lanes).filter(lane -> lane == 0).count()).isEqualTo(20);
    }

    @Test
    void withAUniformDelayEachValidatorHasItsOwnLane() {
        assertThat(UNIFORM.lanes(5)).containsExactly(0, 1, 2, 3, 4);
    }

    /** Every frame between lanes takes at least the lookahead: the windows of the event scheduler rely on it. */
    @Test
    void noFrameBetweenLanesIsFasterThanTheShortestDelay() {
        for (LinkModel links : new LinkModel[] {TABLE, UNIFORM}) {
            int[] lanes = links.lanes(20);
            long shortest = links.shortestOneWayNanos(lanes);
            SplittableRandom random = new SplittableRandom(1);
            long fastest = Long.MAX_VALUE;
            for (int draw = 0; draw < 20_000; draw++) {
                int from = random.nextInt(20);
                int to = random.nextInt(20);
                if (lanes[from] != lanes[to]) {
                    fastest = Math.min(fastest, links.oneWayNanos(from, to, random));
                }
            }
            assertThat(fastest).isGreaterThanOrEqualTo(shortest).isLessThan(shortest * 102 / 100);
        }
        assertThat(TABLE.shortestOneWayNanos(TABLE.lanes(20))).as("regions 0 and 2: 14 ms round trip, less 3%")
                .isEqualTo(6_790_000);
    }

    @Test
    void aSingleLaneHasNoLookahead() {
        assertThat(TABLE.shortestOneWayNanos(new int[] {0, 0, 0})).isZero();
        assertThatThrownBy(() -> new LinkModel(Optional.empty(), 100)).isInstanceOf(IllegalArgumentException.class);
    }
}
