package starfish.orchestrator.cloud;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InstanceLimitTest {

    @Test
    void allowsATestbedToGrowUpToTheLimitButNotPastIt() {
        assertThatCode(() -> InstanceLimit.check("t", 40, 10, 50)).doesNotThrowAnyException();
        assertThatThrownBy(() -> InstanceLimit.check("t", 41, 10, 50)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("51 instances (41 exist), more than max_instances = 50");
    }

    @Test
    void refusesAnEmptyDeploy() {
        assertThatThrownBy(() -> InstanceLimit.check("t", 0, 0, 50)).hasMessageContaining("at least one instance");
    }
}
