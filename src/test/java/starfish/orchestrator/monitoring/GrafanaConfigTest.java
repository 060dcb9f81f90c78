package starfish.orchestrator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GrafanaConfigTest {
    private final AdminPassword password = AdminPassword.generate();
    private final GrafanaConfig config = new GrafanaConfig("/srv/monitoring/grafana", "0.0.0.0", 3000,
            "http://127.0.0.1:9090", Duration.ofSeconds(5), password);

    @Test
    void iniSetsTheGeneratedAdminPasswordAndPathsUnderTheRoot() {
        String ini = config.files().get(GrafanaConfig.INI);

        assertThat(ini).contains("admin_password = " + password.reveal())
                .doesNotContain("admin_password = admin\n")
                .contains("data = /srv/monitoring/grafana/data")
                .contains("provisioning = /srv/monitoring/grafana/provisioning")
                .contains("http_port = 3000");
    }

    @Test
    void iniKeepsGrafanaFromPhoningHome() {
        assertThat(config.files().get(GrafanaConfig.INI))
                .contains("reporting_enabled = false", "check_for_updates = false",
                        "check_for_plugin_updates = false", "news_feed_enabled = false");
    }

    @Test
    void provisionsThePrometheusDatasourceTheDashboardNames() throws Exception {
        JsonNode datasource = new YAMLMapper().readTree(
                config.files().get("provisioning/datasources/starfish.yml")).at("/datasources/0");
        JsonNode dashboard = new ObjectMapper().readTree(config.files().get("dashboards/starfish.json"));

        assertThat(datasource.path("type").asText()).isEqualTo("prometheus");
        assertThat(datasource.path("url").asText()).isEqualTo("http://127.0.0.1:9090");
        assertThat(datasource.at("/jsonData/timeInterval").asText()).isEqualTo("5s");
        for (JsonNode panel : dashboard.path("panels")) {
            if (!panel.path("type").asText().equals("row")) {
                assertThat(panel.at("/datasource/uid").asText()).as(panel.path("title").asText())
                        .isEqualTo(datasource.path("uid").asText());
            }
        }
    }

    @Test
    void dashboardProviderPointsAtTheDashboardFile() throws Exception {
        Map<String, String> files = config.files();
        JsonNode provider = new YAMLMapper().readTree(files.get("provisioning/dashboards/starfish.yml"))
                .at("/providers/0");

        assertThat(provider.at("/options/path").asText()).isEqualTo("/srv/monitoring/grafana/dashboards");
        assertThat(files).containsKey("dashboards/starfish.json");
    }

    @Test
    void refusesARelativeRoot() {
        assertThatThrownBy(() -> new GrafanaConfig("monitoring/grafana", "0.0.0.0", 3000, "http://127.0.0.1:9090",
                Duration.ofSeconds(5), password)).hasMessageContaining("monitoring/grafana");
    }

    @Test
    void passwordsAreFreshLongAndNeverPrinted() {
        AdminPassword other = AdminPassword.generate();

        assertThat(password.reveal()).hasSize(24).matches("[A-Za-z0-9]+").isNotEqualTo(other.reveal());
        assertThat(password.toString()).doesNotContain(password.reveal());
        assertThat(config.toString()).doesNotContain(password.reveal());
    }
}
