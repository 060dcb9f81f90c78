package starfish.orchestrator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteCountTest {

    @Test
    void sizesAreWrittenInTheLargestUnitThatKeepsThemAtLeastOne() {
        assertThat(ByteCount.format(0)).isEqualTo("0 B");
        assertThat(ByteCount.format(1023)).isEqualTo("1023 B");
        assertThat(ByteCount.format(1024)).isEqualTo("1.0 KiB");
        assertThat(ByteCount.format(92_160)).isEqualTo("90.0 KiB");
        assertThat(ByteCount.format(48L * 1024 * 1024 + 512 * 1024)).isEqualTo("48.5 MiB");
        assertThat(ByteCount.format(3L << 40)).isEqualTo("3.0 TiB");
        assertThat(ByteCount.format(5000L << 40)).isEqualTo("5000.0 TiB");
    }
}
