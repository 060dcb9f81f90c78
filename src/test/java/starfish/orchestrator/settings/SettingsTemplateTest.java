package starfish.orchestrator.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The documented template must stay loadable and describe the local defaults. */
class SettingsTemplateTest {

    @Test
    void templateLoadsToTheLocalDefaults() {
        Settings settings = new SettingsLoader(Map.of("USER", "alice")::get)
                .load(Path.of("assets", "settings-template.yml"));

        assertThat(settings.testbedId()).isEqualTo("alice-starfish");
        assertThat(settings.cloudProvider()).isEqualTo(CloudProvider.LOCAL);
        Settings defaults = Settings.defaults();
        assertThat(settings.benchmarkDuration()).isEqualTo(defaults.benchmarkDuration());
        assertThat(settings.scrapeInterval()).isEqualTo(defaults.scrapeInterval());
        assertThat(settings.maxInstances()).isEqualTo(defaults.maxInstances());
        assertThat(settings.workingDir()).isEqualTo(defaults.workingDir());
    }
}
