package starfish.orchestrator.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressPlanTest {

    @Test
    void addressesCarryTheSlotRegionAndHost() {
        AddressPlan plan = new AddressPlan(2);

        assertThat(plan.publicIp(0, 0)).isEqualTo("198.18.32.1");
        assertThat(plan.publicIp(3, 9)).isEqualTo("198.18.35.10");
        assertThat(plan.internalIp(3, 9)).isEqualTo("198.19.35.10");
        assertThat(plan.gateway()).isEqualTo("198.18.47.254");
    }

    @Test
    void everyAddressStaysInsideTheBenchmarkRange() {
        AddressPlan last = new AddressPlan(AddressPlan.SLOTS - 1);

        assertThat(last.publicIp(AddressPlan.MAX_REGIONS - 1, AddressPlan.MAX_HOSTS_PER_REGION - 1))
                .isEqualTo("198.18.254.253");
        assertThat(last.gateway()).isEqualTo("198.18.255.254");
        assertThatThrownBy(() -> last.publicIp(AddressPlan.MAX_REGIONS, 0)).hasMessageContaining("at most 15 regions");
        assertThatThrownBy(() -> last.publicIp(0, AddressPlan.MAX_HOSTS_PER_REGION))
                .hasMessageContaining("at most 253 hosts");
    }

    @Test
    void gatewaysRevealTheirSlot() {
        assertThat(AddressPlan.slotOfGateway(new AddressPlan(5).gateway())).isEqualTo(5);
        assertThat(AddressPlan.slotOfGateway("198.18.80.1")).isEqualTo(-1);
        assertThat(AddressPlan.slotOfGateway("10.0.15.254")).isEqualTo(-1);
    }
}
