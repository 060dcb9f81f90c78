package starfish.orchestrator.netns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The testbed's known_hosts file, from which a host's old key is dropped when the host got a new one on purpose. */
record KnownHostsFile(Path file) {

    void forget(Set<String> addresses) {
        if (Files.notExists(file)) {
            return;
        }
        try {
            List<String> kept = Files.readAllLines(file).stream()
                    .filter(line -> Arrays.stream(line.split("\\s+")[0].split(","))
                            .map(name -> name.replaceAll("^\\[(.*)]:\\d+$", "$1"))
                            .noneMatch(addresses::contains))
                    .toList();
            Files.write(file, kept);
        } catch (IOException e) {
            throw new NetnsException("cannot update " + file + ": " + e.getMessage(), e);
        }
    }
}
