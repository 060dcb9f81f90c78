package starfish.orchestrator.testbed;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import starfish.orchestrator.settings.DurationText;
import starfish.orchestrator.settings.Settings;

/**
 * One testbed for the length of a benchmark command or a benchmark class: it provisions the hosts the runs need
 * (the benchmark flow itself never creates any) and, when it ends, destroys them or keeps them and releases the
 * provider's connections and processes. It ends when closed or when this JVM is interrupted (its one shutdown hook),
 * so that a failed or interrupted benchmark still destroys what it created.
 */
public final class TestbedSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TestbedSession.class);
    /**
     * How long an interrupted JVM (Ctrl-C, SIGTERM) waits for the testbed to be destroyed before it exits anyway: a
     * hung cloud API must not keep it alive for ever. AWS waits up to about 10 minutes for terminations.
     */
    static final Duration INTERRUPTED_TEARDOWN_LIMIT = Duration.ofMinutes(10);

    private final Settings settings;
    private final TestbedProvider provider;
    private final boolean keep;
    private final Consumer<String> progress;
    private final Thread interrupted;
    private final AtomicBoolean ended = new AtomicBoolean();

    private TestbedSession(Settings settings, TestbedProvider provider, boolean keep, Consumer<String> progress) {
        this.settings = settings;
        this.provider = provider;
        this.keep = keep;
        this.progress = progress;
        this.interrupted = new Thread(this::endWithinLimit, "end-testbed-session");
        Runtime.getRuntime().addShutdownHook(interrupted);
    }

    /**
     * A session that destroys the testbed at its end, unless `keep`; nothing is provisioned yet. What provisioning
     * does is said on `progress`.
     */
    public static TestbedSession open(Settings settings, TestbedProvider provider, boolean keep,
                                      Consumer<String> progress) {
        return new TestbedSession(settings, provider, keep, progress);
    }

    /**
     * The session of one benchmark command whose runs need `needed`. Disposable hosts are made fresh for it (what an
     * interrupted earlier command left is removed first) and removed at its end. Other testbeds are used as they are,
     * started or grown to what the runs need first, and kept unless `destroyAfter` (also when the command fails).
     */
    public static TestbedSession forCommand(Settings settings, TestbedProvider provider, HostsNeeded needed,
                                            boolean destroyAfter, Consumer<String> progress) {
        boolean disposable = provider.traits().disposable();
        TestbedSession session = new TestbedSession(settings, provider, !disposable && !destroyAfter, progress);
        try {
            if (disposable) {
                provider.destroy();
            }
            session.provision(needed);
        } catch (RuntimeException | Error e) {
            session.close();
            throw e;
        }
        return session;
    }

    public Settings settings() {
        return settings;
    }

    public TestbedProvider provider() {
        return provider;
    }

    /** Starts or creates hosts until a committee of `committee` validators (and what the testbed reserves) fits. */
    public void provisionCommittee(int committee) {
        provision(HostsNeeded.forCommittee(provider.traits(), settings, committee, 0));
    }

    /**
     * Starts stopped instances, then deploys new ones spread over the configured regions, until `needed` are
     * active; reuses those that are. max_instances is the ceiling.
     */
    public void provision(HostsNeeded needed) {
        ActiveInstances.ensure(provider, settings, needed, progress);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(interrupted);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running and ends this same session
        }
        end();
    }

    /** The shutdown hook: ends the session, giving up after INTERRUPTED_TEARDOWN_LIMIT with the way out. */
    private void endWithinLimit() {
        Thread ending = new Thread(this::end, "destroy-testbed");
        ending.setDaemon(true);
        ending.start();
        try {
            ending.join(INTERRUPTED_TEARDOWN_LIMIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ending.isAlive()) {
            LOG.error("The {} testbed '{}' was not destroyed within {} of the interruption; remove what is left with "
                    + "`testbed destroy`", settings.testbed().cloudProvider().yamlName(), settings.testbed().id(),
                    DurationText.format(INTERRUPTED_TEARDOWN_LIMIT));
        }
    }

    private void end() {
        if (ended.getAndSet(true)) {
            return;
        }
        try {
            if (provider.withoutInstances().isPresent()) {
                return; // nothing was created, so there is nothing to keep or destroy
            }
            if (keep) {
                LOG.info("Keeping the {} testbed '{}'", settings.testbed().cloudProvider().yamlName(),
                        settings.testbed().id());
            } else {
                LOG.info("Destroying the {} testbed '{}'", settings.testbed().cloudProvider().yamlName(),
                        settings.testbed().id());
                provider.destroy();
            }
        } finally {
            provider.close();
        }
    }
}
