package starfish.orchestrator.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The parser's number reading; the format as a whole is tested with the measurements read from it. */
class PrometheusValueTest {

    @Test
    void readsPlainDecimalsExactlyAsDoubleParseDoubleDoes() {
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            String digits = Long.toString(random.nextLong() & ((1L << (1 + random.nextInt(50))) - 1));
            int point = random.nextInt(digits.length() + 1);
            String decimal = point == digits.length() ? digits
                    : digits.substring(0, point) + "." + digits.substring(point);
            assertThat(PrometheusTextParser.parseValue(decimal)).as(decimal).isEqualTo(Double.parseDouble(decimal));
        }
        assertThat(PrometheusTextParser.parseValue("1234567890123456789.5")).isEqualTo(1234567890123456789.5);
        assertThat(PrometheusTextParser.parseValue("-0.25")).isEqualTo(-0.25);
        assertThat(PrometheusTextParser.parseValue("1e-3")).isEqualTo(0.001);
    }
}
