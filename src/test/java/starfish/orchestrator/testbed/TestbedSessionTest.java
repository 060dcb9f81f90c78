package starfish.orchestrator.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

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

        try (TestbedSession session = TestbedSession.forCommand(settings, testbed,
                HostsNeeded.forCommittee(testbed.traits(), settings, 3, 1), false, line -> { })) {
            assertThat(session.provider().instances()).extracting(Instance::id)
                    .containsExactly("local-0", "local-1", "local-2", "local-3");
        }

        assertThat(testbed.instances()).isEmpty();
        assertThat(Files.exists(dir.resolve("testbed"))).isFalse();
    }

    @Test
    void aCommandOnOtherHostsUsesThemAsTheyAreAndKeepsThem() {
        RecordingCloud cloud = new RecordingCloud();
        cloud.deploy(5, Optional.empty());

        TestbedSession.forCommand(Settings.defaults(), cloud, committeeOf(4), false, line -> { }).close();

        assertThat(cloud.events).containsExactly("deploy 5", "close");
    }

    @Test
    void aCommandShortOfHostsStartsStoppedOnesThenDeploysAndDestroysThemOnlyWhenAsked() {
        RecordingCloud cloud = new RecordingCloud();
        cloud.deploy(2, Optional.empty());
        cloud.stop();
        List<String> progress = new ArrayList<>();

        TestbedSession.forCommand(Settings.defaults(), cloud, committeeOf(4), true, progress::add).close();

        assertThat(cloud.events).containsExactly("deploy 2", "stop", "start 2", "deploy 3", "destroy", "close");
        assertThat(progress).containsExactly(
                "local testbed 'local': 0 active instance(s), the runs need 5 (committee 4 + 1 monitoring host)",
                "starting 2 stopped instance(s) (at most 2 per region) ...", "2 instance(s) active",
                "deploying 3 new instance(s) per region in local ...", "5 instance(s) active");
    }

    @Test
    void theHostsOfAStoppedTestbedOnThisMachineAreStartedBeforeNewOnesAreMade() {
        Settings settings = new SettingsLoader(Map.<String, String>of()::get)
                .parse("working_dir: " + dir.resolve("testbed") + "\n", "s.yml");
        LocalTestbed testbed = new LocalTestbed(settings);
        testbed.deploy(2, Optional.empty());
        testbed.stop();

        try (TestbedSession kept = TestbedSession.open(settings, testbed, true, line -> { })) {
            kept.provision(HostsNeeded.forCommittee(testbed.traits(), settings, 3, 0));
        }

        assertThat(testbed.instances()).extracting(Instance::id, Instance::isActive)
                .containsExactly(tuple("local-0", true), tuple("local-1", true), tuple("local-2", true));
    }

    @Test
    void aShortfallThatMaxInstancesForbidsIsRefusedBeforeAnythingStarts() {
        RecordingCloud cloud = new RecordingCloud();
        cloud.deploy(1, Optional.empty());
        cloud.stop();
        Settings settings = Settings.defaults();
        Settings capped = settings.withTestbed(new Settings.Testbed("lab", settings.testbed().cloudProvider(),
                settings.testbed().regions(), "", 4, Optional.empty()));

        assertThatThrownBy(() -> TestbedSession.forCommand(capped, cloud, committeeOf(4), true, line -> { }))
                .hasMessageContaining("more than max_instances = 4; nothing was started or created");

        assertThat(cloud.events).containsExactly("deploy 1", "stop", "destroy", "close");
    }

    private static HostsNeeded committeeOf(int committee) {
        return HostsNeeded.forCommittee(HostTraits.CLOUD, Settings.defaults(), committee, 0);
    }

    @Test
    void aClassSessionGrowsToWhatACommitteeNeedsThenDestroysOnceUnlessKept() {
        RecordingCloud cloud = new RecordingCloud();
        TestbedSession session = TestbedSession.open(Settings.defaults(), cloud, false, line -> { });

        session.provisionCommittee(4); // 4 validators + the monitoring host
        session.provisionCommittee(2);
        session.close();
        session.close();

        assertThat(cloud.events).containsExactly("deploy 5", "destroy", "close");

        RecordingCloud kept = new RecordingCloud();
        TestbedSession.open(Settings.defaults(), kept, true, line -> { }).close();
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

        try (TestbedSession session = TestbedSession.open(Settings.defaults(), failing, false, line -> { })) {
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
        TestbedSession session = TestbedSession.open(Settings.defaults(), inThisJvm, false, line -> { });

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
            events.add("start " + perRegion);
            int started = 0;
            for (int k = 0; k < instances.size() && started < perRegion; k++) {
                Instance i = instances.get(k);
                if (i.status() == InstanceStatus.STOPPED) {
                    instances.set(k, new Instance(i.id(), i.region(), i.publicIp(), i.internalIp(),
                            InstanceStatus.ACTIVE));
                    started++;
                }
            }
        }

        @Override
        public void stop() {
            events.add("stop");
            instances.replaceAll(i -> new Instance(i.id(), i.region(), i.publicIp(), i.internalIp(),
                    InstanceStatus.STOPPED));
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
