package starfish.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByzantineStrategyTest {

    @Test
    void readsTheReferenceSpellingsIncludingTimeoutForHonest() {
        assertThat(ByzantineStrategy.fromCliName("timeout")).isEqualTo(ByzantineStrategy.HONEST);
        assertThat(ByzantineStrategy.fromCliName("honest")).isEqualTo(ByzantineStrategy.HONEST);
        assertThat(ByzantineStrategy.fromCliName("chain-bomb-quorum")).isEqualTo(ByzantineStrategy.CHAIN_BOMB_QUORUM);
        assertThat(ByzantineStrategy.fromCliName("ramp-up-withholding"))
                .isEqualTo(ByzantineStrategy.RAMP_UP_WITHHOLDING);
        assertThat(ByzantineStrategy.fromCliName("timeout-leader")).isEqualTo(ByzantineStrategy.TIMEOUT_LEADER);
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> ByzantineStrategy.fromCliName("timeouts"))
                .hasMessageContaining("'timeouts'").hasMessageContaining("chain-bomb-quorum");
    }
}
