package starfish.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListenAddressTest {

    @Test
    void aValidatorPlacedOnLoopbackListensOnLoopbackOnly() throws Exception {
        assertThat(ListenAddress.forHost("127.0.0.1").isLoopbackAddress()).isTrue();
        assertThat(ListenAddress.forHost("127.0.0.5").getHostAddress()).isEqualTo("127.0.0.5");
    }

    @Test
    void aValidatorOnAnyOtherAddressListensOnEveryInterface() throws Exception {
        assertThat(ListenAddress.forHost("198.18.0.7").isAnyLocalAddress()).isTrue();
    }
}
