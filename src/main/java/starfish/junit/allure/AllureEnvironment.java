package starfish.junit.allure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import starfish.orchestrator.settings.Settings;

/**
 * The report-wide files in the results directory: environment.properties (where and what was benchmarked) and
 * categories.json (how failures are grouped: safety violated or unknown, thresholds, testbed).
 */
public final class AllureEnvironment {
    private static final String CATEGORIES = """
            [
              {"name": "Safety violated", "matchedStatuses": ["failed"], "messageRegex": "(?s).*safety violated.*"},
              {"name": "Threshold violated", "matchedStatuses": ["failed"],
               "messageRegex": "(?s).*threshold violated.*"},
              {"name": "Safety unknown", "matchedStatuses": ["broken"], "messageRegex": "(?s).*safety unknown.*"},
              {"name": "Testbed failure", "matchedStatuses": ["broken"]}
            ]
            """;

    private AllureEnvironment() {
    }

    public static void write(Path resultsDirectory, Settings settings, String commit) {
        try {
            Files.createDirectories(resultsDirectory);
            Files.writeString(resultsDirectory.resolve("environment.properties"), properties(settings, commit),
                    StandardCharsets.ISO_8859_1);
            Files.writeString(resultsDirectory.resolve("categories.json"), CATEGORIES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Allure environment into " + resultsDirectory, e);
        }
    }

    static String properties(Settings settings, String commit) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("provider", settings.testbed().cloudProvider().yamlName());
        entries.put("regions", String.join(", ", settings.testbed().regions()));
        entries.put("specs", settings.testbed().specs().isBlank() ? "-" : settings.testbed().specs());
        entries.put("commit", commit);
        entries.put("jdk", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        entries.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        return entries.entrySet().stream().map(e -> e.getKey() + "=" + escape(e.getValue()))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** Properties-file escaping for values: backslashes, line breaks and non-Latin-1 characters. */
    private static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c > 0xff ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.toString();
    }
}
