package starfish.orchestrator.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything Grafana reads, laid out under one root directory: its ini (paths, port, admin password, no phoning
 * home), the provisioned Prometheus datasource and the provisioned dashboard. `rootDir` must be absolute because
 * Grafana resolves relative paths against its install directory.
 */
public record GrafanaConfig(String rootDir, String httpAddress, int httpPort, String prometheusUrl,
                            Duration scrapeInterval, AdminPassword adminPassword) {

    /** The datasource's fixed uid, which the dashboard's panels name. */
    public static final String DATASOURCE_UID = "starfish-prometheus";
    public static final String INI = "grafana.ini";
    private static final String DASHBOARD = "dashboards/starfish.json";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();

    public GrafanaConfig {
        if (!rootDir.startsWith("/")) {
            throw new IllegalArgumentException("Grafana's root directory must be absolute, got " + rootDir);
        }
    }

    /** Relative path under rootDir -> content; the ini holds the password, so write it readable by owner only. */
    public Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(INI, ini());
        files.put("provisioning/datasources/starfish.yml", datasource());
        files.put("provisioning/dashboards/starfish.yml", dashboardProvider());
        files.put(DASHBOARD, GrafanaDashboard.json());
        return files;
    }

    /** The data directory, emptied before each start so that the freshly generated admin password applies. */
    public String dataDir() {
        return rootDir + "/data";
    }

    String ini() {
        return String.join("\n",
                "[paths]",
                "data = " + dataDir(),
                "logs = " + rootDir + "/logs",
                "plugins = " + rootDir + "/plugins",
                "provisioning = " + rootDir + "/provisioning",
                "",
                "[server]",
                "http_addr = " + httpAddress,
                "http_port = " + httpPort,
                "",
                "[security]",
                "admin_user = admin",
                "admin_password = " + adminPassword.reveal(),
                "disable_initial_admin_creation = false",
                "",
                "[users]",
                "allow_sign_up = false",
                "",
                "[auth.anonymous]",
                "enabled = false",
                "",
                "[dashboards]",
                "default_home_dashboard_path = " + rootDir + "/" + DASHBOARD,
                "",
                "[analytics]",
                "reporting_enabled = false",
                "check_for_updates = false",
                "check_for_plugin_updates = false",
                "feedback_links_enabled = false",
                "",
                "[news]",
                "news_feed_enabled = false",
                "");
    }

    String datasource() {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("name", "Prometheus");
        source.put("uid", DATASOURCE_UID);
        source.put("type", "prometheus");
        source.put("access", "proxy");
        source.put("url", prometheusUrl);
        source.put("isDefault", true);
        source.put("editable", false);
        // Grafana's $__rate_interval is derived from this, so rate() windows always span several scrapes.
        source.put("jsonData", Map.of("timeInterval", PromDuration.format(scrapeInterval)));
        return provisioning("datasources", source);
    }

    String dashboardProvider() {
        Map<String, Object> provider = new LinkedHashMap<>();
        provider.put("name", "starfish");
        provider.put("folder", "starfish");
        provider.put("type", "file");
        provider.put("disableDeletion", true);
        provider.put("options", Map.of("path", rootDir + "/dashboards"));
        return provisioning("providers", provider);
    }

    /** A provisioning file: format version 1 and a list of one entry. */
    private static String provisioning(String listName, Map<String, Object> entry) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("apiVersion", 1);
        document.put(listName, List.of(entry));
        try {
            return YAML.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot render Grafana provisioning", e);
        }
    }
}
