package starfish.orchestrator.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetnsStateTest {

    @TempDir
    Path dir;

    @Test
    void survivesASaveAndLoadInRegionThenHostOrder() {
        NetnsHost west = new NetnsHost("sf-t-0", "sfabcdefv0", "west", 1, 0, 0, "198.18.1.1", "198.19.1.1");
        NetnsHost east = new NetnsHost("sf-t-1", "sfabcdefv1", "east", 0, 0, 1, "198.18.0.1", "198.19.0.1");
        new NetnsState("t", 0, List.of()).with(west).with(east).save(dir);

        NetnsState loaded = NetnsState.load(dir).orElseThrow();

        assertThat(loaded.hosts()).containsExactly(east, west);
        assertThat(loaded.nextLinkIndex()).isEqualTo(2);
        assertThat(loaded.inRegion(1)).containsExactly(west);
    }

    @Test
    void aCorruptStateFileSaysWhatToDo() throws Exception {
        Files.writeString(dir.resolve("state.json"), "{ not json");

        assertThatThrownBy(() -> NetnsState.load(dir)).isInstanceOf(NetnsException.class)
                .hasMessageContaining(dir.resolve("state.json").toString()).hasMessageContaining("testbed destroy");
    }

    @Test
    void knownHostsForgetsOnlyTheGivenAddresses() throws Exception {
        Path file = Files.writeString(dir.resolve("known_hosts"),
                "198.18.0.1 ssh-ed25519 AAAA1\n[198.18.0.2]:22 ssh-ed25519 AAAA2\n198.18.0.10 ssh-ed25519 AAAA3\n");

        new KnownHostsFile(file).forget(java.util.Set.of("198.18.0.1", "198.18.0.2"));

        assertThat(Files.readAllLines(file)).containsExactly("198.18.0.10 ssh-ed25519 AAAA3");
    }
}
