package starfish.orchestrator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DashboardQueriesTest {

    @Test
    void findsTheQueriesOfPanelsInsideACollapsedRow() throws Exception {
        String dashboard = """
                {"panels": [
                  {"type": "timeseries", "targets": [{"expr": "rate(bytes_sent_total[1m])"}]},
                  {"type": "row", "collapsed": true, "panels": [
                    {"type": "timeseries", "targets": [{"expr": "missing_blocks"}, {"expr": "leader_timeout_total"}]}
                  ]}
                ]}""";

        assertThat(DashboardQueries.expressions(new ObjectMapper().readTree(dashboard)))
                .containsExactly("rate(bytes_sent_total[1m])", "missing_blocks", "leader_timeout_total");
    }
}
