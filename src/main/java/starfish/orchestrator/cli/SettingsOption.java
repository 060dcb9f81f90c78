package starfish.orchestrator.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.settings.SettingsLoader;

/** `--settings-path`: an explicit file must exist; without the flag, ./settings.yml is used when present. */
final class SettingsOption {

    @Option(names = "--settings-path", paramLabel = "FILE",
            description = "Settings YAML (default: settings.yml in the working directory; absent = local testbed).")
    Path path;

    Settings load() {
        SettingsLoader loader = new SettingsLoader();
        return path == null ? loader.loadOrDefaults(SettingsLoader.DEFAULT_PATH) : loader.load(path);
    }
}
