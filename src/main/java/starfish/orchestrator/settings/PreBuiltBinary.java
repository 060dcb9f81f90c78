package starfish.orchestrator.settings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * `pre_built_binary`: the validator build hosts run instead of building from `repository`, either downloaded by every
 * host (an http or https URL) or uploaded from this machine (a path).
 */
public sealed interface PreBuiltBinary {

    record Url(String url) implements PreBuiltBinary {
    }

    record LocalFile(Path path) implements PreBuiltBinary {
        private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

        /** Whether the file is something this validator's hosts can run: a jar (a zip archive). */
        public boolean isJar() {
            try (InputStream in = Files.newInputStream(path)) {
                return Arrays.equals(in.readNBytes(ZIP_MAGIC.length), ZIP_MAGIC);
            } catch (IOException e) {
                return false;
            }
        }
    }

    static PreBuiltBinary of(String text) {
        return text.startsWith("http://") || text.startsWith("https://") ? new Url(text) : new LocalFile(Path.of(text));
    }
}
