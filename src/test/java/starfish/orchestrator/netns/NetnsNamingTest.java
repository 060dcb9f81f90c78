package starfish.orchestrator.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NetnsNamingTest {

    @Test
    void linkNamesFitTheKernelLimitWhateverTheIdLength() {
        NetnsNaming naming = NetnsNaming.of("a-rather-long-testbed-identifier-of-40ch");

        assertThat(naming.bridge()).hasSizeLessThanOrEqualTo(15);
        assertThat(naming.hostLink(NetnsNaming.MAX_LINK_INDEX)).hasSizeLessThanOrEqualTo(15);
        assertThat(naming.namespace(7)).isEqualTo("sf-a-rather-long-testbed-identifier-of-40ch-7");
    }

    @Test
    void ownsOnlyItsOwnNamespacesAndLinks() {
        NetnsNaming a = NetnsNaming.of("a");
        NetnsNaming ab = NetnsNaming.of("a-b");

        assertThat(a.ownsNamespace("sf-a-3")).isTrue();
        assertThat(a.ownsNamespace("sf-a-b-3")).isFalse();
        assertThat(ab.ownsNamespace("sf-a-b-3")).isTrue();
        assertThat(a.ownsLink(a.hostLink(12))).isTrue();
        assertThat(a.ownsLink(ab.hostLink(12))).isFalse();
        assertThat(a.ownsLink("eth0")).isFalse();
    }

    @Test
    void rejectsIdsThatCannotNameANamespace() {
        assertThatThrownBy(() -> NetnsNaming.of("../etc"))
                .isInstanceOf(NetnsException.class).hasMessageContaining("testbed_id `../etc`");
        assertThatThrownBy(() -> NetnsNaming.of("x").hostLink(1000)).hasMessageContaining("at most 1000 hosts");
    }
}
