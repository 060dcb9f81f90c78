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

        assertThat(settings.testbed().id()).isEqualTo("alice-starfish");
        assertThat(settings.testbed().cloudProvider()).isEqualTo(CloudProvider.LOCAL);
        Settings defaults = Settings.defaults();
        assertThat(settings.run().benchmarkDuration()).isEqualTo(defaults.run().benchmarkDuration());
        assertThat(settings.monitoring().scrapeInterval()).isEqualTo(defaults.monitoring().scrapeInterval());
        assertThat(settings.testbed().maxInstances()).isEqualTo(defaults.testbed().maxInstances());
        assertThat(settings.locations().workingDir()).isEqualTo(defaults.locations().workingDir());
    }
}
