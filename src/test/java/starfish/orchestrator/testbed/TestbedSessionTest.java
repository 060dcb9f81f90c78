package starfish.orchestrator.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.host.InstanceStatus;
import starfish.orchestrator.runner.CommandRunner;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.settings.SettingsLoader;

class TestbedSessionTest {
    @TempDir
    Path dir;

    @Test
    void aCommandOnDisposableHostsMakesFreshOnesAndRemovesThemAtItsEnd() {
        Settings settings = new SettingsLoader(Map.<String, String>of()::get)
                .parse("working_dir: " + dir.resolve("testbed") + "\n", "s.yml");
        LocalTestbed testbed = new LocalTestbed(settings);
        testbed.deploy(6, Optional.empty()); // left by an interrupted earlier command

        try (TestbedSession session = TestbedSession.forCommand(settings, testbed, 3)) {
            assertThat(session.provider().instances()).extracting(Instance::id)
                    .containsExactly("local-0", "local-1", "local-2");
        }

        assertThat(testbed.instances()).isEmpty();
        assertThat(Files.exists(dir.resolve("testbed"))).isFalse();
    }

    @Test
    void aCommandOnOtherHostsUsesThemAsTheyAreAndKeepsThem() {
        RecordingCloud cloud = new RecordingCloud();

        TestbedSession.forCommand(Settings.defaults(), cloud, 4).close();

        assertThat(cloud.events).containsExactly("close");
    }

    @Test
    void aClassSessionGrowsToWhatACommitteeNeedsThenDestroysOnceUnlessKept() {
        RecordingCloud cloud = new RecordingCloud();
        TestbedSession session = TestbedSession.open(Settings.defaults(), cloud, false);

        session.provisionCommittee(4); // 4 validators + the monitoring host
        session.provisionCommittee(2);
        session.close();
        session.close();

        assertThat(cloud.events).containsExactly("deploy 5", "destroy", "close");

        RecordingCloud kept = new RecordingCloud();
        TestbedSession.open(Settings.defaults(), kept, true).close();
        assertThat(kept.events).containsExactly("close");
    }

    @Test
    void aFailedProvisioningStillEndsTheSession() {
        RecordingCloud failing = new RecordingCloud() {
            @Override
            public List<Instance> deploy(int perRegion, Optional<String> region) {
                super.deploy(perRegion, region);
                throw new IllegalStateException("quota exceeded");
            }
        };

        try (TestbedSession session = TestbedSession.open(Settings.defaults(), failing, false)) {
            assertThatThrownBy(() -> session.provisionCommittee(1)).hasMessage("quota exceeded");
        }

        assertThat(failing.events).containsExactly("deploy 2", "destroy", "close");
    }

    @Test
    void aTestbedWithoutInstancesIsNeitherProvisionedNorDestroyedButStillClosed() {
        RecordingCloud inThisJvm = new RecordingCloud() {
            @Override
            public Optional<String> withoutInstances() {
                return Optional.of("validators run in this JVM");
            }
        };
        TestbedSession session = TestbedSession.open(Settings.defaults(), inThisJvm, false);

        session.provisionCommittee(4);
        session.close();

        assertThat(inThisJvm.events).containsExactly("close");
    }

    private static class RecordingCloud implements TestbedProvider {
        final List<String> events = new ArrayList<>();
        private final List<Instance> instances = new ArrayList<>();

        @Override
        public List<Instance> deploy(int perRegion, Optional<String> region) {
            events.add("deploy " + perRegion);
            for (int i = 0; i < perRegion; i++) {
                instances.add(new Instance("i-" + instances.size(), "local", "198.18.0.1", "10.0.0.1",
                        InstanceStatus.ACTIVE));
            }
            return List.copyOf(instances);
        }

        @Override
        public List<Instance> instances() {
            return List.copyOf(instances);
        }

        @Override
        public void start(int perRegion) {
        }

        @Override
        public void stop() {
        }

        @Override
        public void destroy() {
            events.add("destroy");
        }

        @Override
        public HostTraits traits() {
            return HostTraits.CLOUD;
        }

        @Override
        public CommandRunner commandRunner() {
            throw new UnsupportedOperationException("runs nothing");
        }

        @Override
        public void close() {
            events.add("close");
        }
    }
}
