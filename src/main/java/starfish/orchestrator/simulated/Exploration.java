package starfish.orchestrator.simulated;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import starfish.orchestrator.testbed.FileTrees;
import starfish.protocol.Consensus;

/**
 * Many short simulated runs, one per seed, each a random scenario (see ExplorationScenario) judged for safety and
 * for liveness after it settles. Runs are independent, so they share the machine's cores; each is deterministic.
 */
public final class Exploration {

    private final Optional<Integer> committee;
    private final Optional<Consensus> consensus;
    private final int threads;

    public Exploration(Optional<Integer> committee, Optional<Consensus> consensus, int threads) {
        this.committee = committee;
        this.consensus = consensus;
        this.threads = threads;
    }

    /** A seed's outcome as lines for people: its scenario and what went wrong, if anything. */
    public record Finding(long seed, boolean failed, String scenario, String problem) {
    }

    /** Runs seeds first..first+count-1; `progress` hears about every failure at once and about each tenth done. */
    public List<Finding> explore(long first, int count, Consumer<String> progress) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "exploration");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Finding>> futures = new ArrayList<>();
            for (long seed = first; seed < first + count; seed++) {
                long s = seed;
                futures.add(pool.submit(() -> run(s)));
            }
            List<Finding> findings = new ArrayList<>();
            int step = Math.max(1, count / 10);
            for (Future<Finding> future : futures) {
                Finding finding = future.get();
                findings.add(finding);
                if (finding.failed()) {
                    progress.accept("seed " + finding.seed() + ": " + finding.problem() + " (" + finding.scenario()
                            + ")");
                }
                if (findings.size() % step == 0 || findings.size() == count) {
                    progress.accept(findings.size() + "/" + count + " seeds explored, "
                            + findings.stream().filter(Finding::failed).count() + " failed");
                }
            }
            return findings;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("exploration interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a simulated run failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One seed, in a scratch directory of its own. */
    public Finding run(long seed) {
        ExplorationScenario scenario = ExplorationScenario.random(seed, committee, consensus);
        Path directory = FileTrees.createTempDirectory("starfish-explore-" + seed + "-");
        try {
            ExplorationRun.Verdict verdict = ExplorationRun.run(scenario, directory);
            String problem = !verdict.failed() ? "ok"
                    : verdict.stalled().isEmpty() ? "safety violated: " + verdict.safety().detail()
                    : "not live after settling: honest validators " + verdict.stalled() + " committed nothing new"
                    + (verdict.safety().safety() == starfish.orchestrator.measurement.Safety.VIOLATED
                    ? "; safety violated: " + verdict.safety().detail() : "");
            return new Finding(seed, verdict.failed(), scenario.describe(), problem);
        } finally {
            FileTrees.delete(directory);
        }
    }
}
