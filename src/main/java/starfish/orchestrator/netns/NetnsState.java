package starfish.orchestrator.netns;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a netns testbed consists of, kept in `state.json` of its state directory so that a later process (testbed
 * status, destroy, a deploy after a crash) finds it. Written before resources are created, so that a crash leaves a
 * record of what to repair or remove.
 */
record NetnsState(String testbedId, int slot, List<NetnsHost> hosts) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final String FILE_NAME = "state.json";

    NetnsState {
        hosts = hosts.stream()
                .sorted(Comparator.comparingInt(NetnsHost::regionIndex).thenComparingInt(NetnsHost::hostIndex))
                .toList();
    }

    static Optional<NetnsState> load(Path stateDir) {
        Path file = stateDir.resolve(FILE_NAME);
        if (Files.notExists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), NetnsState.class));
        } catch (IOException e) {
            throw new NetnsException("cannot read the netns testbed state " + file + " (" + e.getMessage()
                    + "); run `testbed destroy` to remove what it describes and start afresh", e);
        }
    }

    void save(Path stateDir) {
        Path file = stateDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(stateDir);
            Path temporary = stateDir.resolve(FILE_NAME + ".tmp");
            JSON.writeValue(temporary.toFile(), this);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new NetnsException("cannot write the netns testbed state " + file + ": " + e.getMessage(), e);
        }
    }

    NetnsState with(NetnsHost host) {
        List<NetnsHost> more = new ArrayList<>(hosts);
        more.add(host);
        return new NetnsState(testbedId, slot, more);
    }

    List<NetnsHost> inRegion(int regionIndex) {
        return hosts.stream().filter(host -> host.regionIndex() == regionIndex).toList();
    }

    int nextLinkIndex() {
        return hosts.stream().mapToInt(NetnsHost::linkIndex).max().orElse(-1) + 1;
    }
}
