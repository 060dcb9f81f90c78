package starfish.orchestrator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.host.InstanceStatus;

/** Prometheus reaches the hosts the way the run's validators reach each other, and users browse public addresses. */
class RemoteMonitoringPlanTest {
    private final Instance monitor = new Instance("aws-0", "us-east-1", "203.0.113.10", "10.0.0.10",
            InstanceStatus.ACTIVE);
    private final Instance other = new Instance("aws-1", "us-east-1", "203.0.113.11", "10.0.0.11",
            InstanceStatus.ACTIVE);

    @Test
    void scrapesInternalAddressesWhenTheRunUsesThem() {
        RemoteMonitoring.Plan plan = plan(true);

        assertThat(List.of(plan.scrapeAddress(monitor), plan.scrapeAddress(other)))
                .containsExactly("10.0.0.10", "10.0.0.11");
        assertThat(plan.publicUrl(3000)).hasToString("http://203.0.113.10:3000");
    }

    @Test
    void scrapesPublicAddressesOtherwise() {
        RemoteMonitoring.Plan plan = plan(false);

        assertThat(List.of(plan.scrapeAddress(monitor), plan.scrapeAddress(other)))
                .containsExactly("203.0.113.10", "203.0.113.11");
    }

    private RemoteMonitoring.Plan plan(boolean useInternalIpAddresses) {
        return new RemoteMonitoring.Plan(monitor, List.of(monitor, other), ServiceEndpoints.standard(),
                Duration.ofSeconds(5), useInternalIpAddresses, true);
    }
}
