package starfish.orchestrator.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** prometheus.yml: one scrape job per target, so that every validator and every host is its own series. */
public record PrometheusConfig(Duration scrapeInterval, List<ScrapeTarget> targets) {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();

    public PrometheusConfig {
        targets = List.copyOf(targets);
        Set<String> jobs = new HashSet<>();
        for (ScrapeTarget target : targets) {
            if (!jobs.add(target.job())) {
                throw new IllegalArgumentException("two scrape targets share the job name " + target.job());
            }
        }
    }

    public String render() {
        String interval = PromDuration.format(scrapeInterval);
        Map<String, Object> global = new LinkedHashMap<>();
        global.put("scrape_interval", interval);
        global.put("evaluation_interval", interval);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("global", global);
        root.put("scrape_configs", targets.stream().map(PrometheusConfig::job).toList());
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot render prometheus.yml", e);
        }
    }

    private static Map<String, Object> job(ScrapeTarget target) {
        Map<String, Object> staticConfig = new LinkedHashMap<>();
        staticConfig.put("targets", List.of(target.address()));
        staticConfig.put("labels", Map.of("role", target.role()));
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("job_name", target.job());
        job.put("metrics_path", "/metrics");
        job.put("static_configs", List.of(staticConfig));
        return job;
    }
}
