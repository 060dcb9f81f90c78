package starfish.orchestrator.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.host.InstanceStatus;

class FanOutTest {
    private final List<Instance> hosts = IntStream.range(0, 6)
            .mapToObj(i -> new Instance("host-" + i, "r", "127.0.0." + (i + 1), "127.0.0." + (i + 1),
                    InstanceStatus.ACTIVE)).toList();

    @Test
    void returnsEveryResultInTheInstancesOrder() {
        assertThat(FanOut.run(hosts, 2, "hostname", Instance::publicIp).values())
                .containsExactlyElementsOf(hosts.stream().map(Instance::publicIp).toList());
    }

    @Test
    void oneFailingHostFailsTheCallOnlyAfterEveryOtherHostRanAndIsNamed() {
        Set<String> ran = ConcurrentHashMap.newKeySet();

        assertThatThrownBy(() -> FanOut.run(hosts, 3, "git clone https://ghp_secret@github.invalid/x.git", host -> {
            if (host.id().equals("host-2")) {
                throw new CommandFailedException(host.id(), "deploy", "exit code 1", null);
            }
            ran.add(host.id());
            return host;
        })).isInstanceOfSatisfying(CommandFailedException.class, failure -> {
            assertThat(failure.host()).isEqualTo("host-2");
            assertThat(failure.getMessage()).contains("1 of 6 hosts failed").contains("exit code 1")
                    .doesNotContain("ghp_secret");
        });
        assertThat(ran).hasSize(5);
    }

    @Test
    void stopsEverySessionThroughTheRunner() {
        Set<String> stopped = ConcurrentHashMap.newKeySet();
        CommandRunner runner = new RecordingStops(stopped);

        runner.stopAllDetached(java.util.Map.of(hosts.get(0), "validator-0", hosts.get(1), "validator-1"));

        assertThat(stopped).containsExactlyInAnyOrder("host-0/validator-0", "host-1/validator-1");
    }

    /** Records stopDetached calls; every other operation is out of this test's scope. */
    private record RecordingStops(Set<String> stopped) implements CommandRunner {
        @Override
        public void stopDetached(Instance instance, String session) {
            stopped.add(instance.id() + "/" + session);
        }

        @Override
        public CommandOutput execute(Instance instance, String command) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.Map<Instance, CommandOutput> executeAll(List<Instance> instances, String command) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void startDetached(Instance instance, String session, String command, String logFile) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void upload(Instance instance, java.nio.file.Path local, String remotePath) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void download(Instance instance, String remotePath, java.nio.file.Path local) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }
}
