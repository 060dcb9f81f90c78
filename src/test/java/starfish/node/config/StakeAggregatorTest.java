package starfish.node.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StakeAggregatorTest {

    private final Committee committee = new Committee(IntStream.range(0, 4)
            .mapToObj(i -> new Authority(i, 1, null, "127.0.0.1", 0, 0)).toList());

    @Test
    void anAuthorityCountsOnceAndThreeOfFourAreAQuorum() {
        StakeAggregator stake = new StakeAggregator(committee);

        assertThat(stake.add(2)).isTrue();
        assertThat(stake.add(2)).isFalse();
        stake.add(0);
        assertThat(stake.reachedQuorum()).isFalse();
        stake.add(3);

        assertThat(stake.stake()).isEqualTo(3);
        assertThat(stake.reachedQuorum()).isTrue();
    }

    @Test
    void theAuthoritiesListIsSharedUntilAnAuthorityIsAdded() {
        StakeAggregator stake = new StakeAggregator(committee);
        stake.add(3);
        stake.add(1);
        List<Integer> first = stake.authorities();

        assertThat(stake.authorities()).isSameAs(first).containsExactly(1, 3);
        stake.add(1);
        assertThat(stake.authorities()).isSameAs(first);

        stake.add(0);
        assertThat(stake.authorities()).containsExactly(0, 1, 3);
        assertThat(first).containsExactly(1, 3);
    }
}
