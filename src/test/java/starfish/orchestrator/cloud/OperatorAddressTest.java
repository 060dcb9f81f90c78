package starfish.orchestrator.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

class OperatorAddressTest {

    @Test
    void aSingleAddressBecomesASlash32() {
        assertThat(new OperatorAddress("198.51.100.7").cidr()).isEqualTo("198.51.100.7/32");
        assertThat(new OperatorAddress("198.51.100.0/24").cidr()).isEqualTo("198.51.100.0/24");
        assertThat(new OperatorAddress("198.51.100.0/24").network()).isEqualTo("198.51.100.0");
        assertThat(new OperatorAddress("198.51.100.0/24").prefixLength()).isEqualTo(24);
    }

    @Test
    void neverOpensTheTestbedToTheWholeInternet() {
        assertThatThrownBy(() -> new OperatorAddress("0.0.0.0/0")).hasMessageContaining("too many hosts");
        assertThatThrownBy(() -> new OperatorAddress("10.0.0.0/4")).hasMessageContaining("too many hosts");
        assertThatThrownBy(() -> new OperatorAddress("198.51.0.0/16")).hasMessageContaining("too many hosts")
                .hasMessageContaining("a /24 to /32").hasMessageContaining(OperatorAddress.ENVIRONMENT_VARIABLE);
        assertThatThrownBy(() -> new OperatorAddress("198.51.100.0/23")).hasMessageContaining("too many hosts");
        assertThatThrownBy(() -> new OperatorAddress("300.1.1.1")).hasMessageContaining("above 255");
        assertThatThrownBy(() -> new OperatorAddress("my-laptop")).hasMessageContaining("not an IPv4 address");
    }

    @Test
    void detectsTheAddressAnEchoServiceReports() throws Exception {
        try (MockWebServer echo = new MockWebServer()) {
            echo.enqueue(new MockResponse.Builder().body("203.0.113.77\n").build());
            echo.enqueue(new MockResponse.Builder().code(503).build());
            echo.start(InetAddress.getLoopbackAddress(), 0);

            assertThat(OperatorAddress.detect(echo.url("/").toString()).cidr()).isEqualTo("203.0.113.77/32");
            assertThatThrownBy(() -> OperatorAddress.detect(echo.url("/").toString()))
                    .hasMessageContaining("HTTP 503").hasMessageContaining(OperatorAddress.ENVIRONMENT_VARIABLE);
        }
    }
}
