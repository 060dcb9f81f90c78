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
import starfish.orchestrator.measurement.Safety;
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

    /**
     * A seed's outcome as lines for people: its scenario and what went wrong, if anything. `stalledAsAllowed`: not
     * live, but where the protocol's timing assumption does not hold (the problem says why); not a failure.
     */
    public record Finding(long seed, boolean failed, boolean stalledAsAllowed, String scenario, String problem) {
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
                if (finding.failed() || finding.stalledAsAllowed()) {
                    progress.accept("seed " + finding.seed() + ": " + finding.problem() + " (" + finding.scenario()
                            + ")");
                }
                if (findings.size() % step == 0 || findings.size() == count) {
                    progress.accept(findings.size() + "/" + count + " seeds explored, "
                            + findings.stream().filter(Finding::failed).count() + " failed, "
                            + findings.stream().filter(Finding::stalledAsAllowed).count()
                            + " stalled as the protocol allows");
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
        return run(ExplorationScenario.random(seed, committee, consensus));
    }

    /** One scenario, in a scratch directory of its own: a regression test pins what a seed once drew. */
    Finding run(ExplorationScenario scenario) {
        long seed = scenario.seed();
        Path directory = FileTrees.createTempDirectory("starfish-explore-" + seed + "-");
        try {
            ExplorationRun.Verdict verdict = ExplorationRun.run(scenario, directory);
            return new Finding(seed, verdict.failed(), !verdict.failed() && verdict.stalledAsAllowed(),
                    scenario.describe(), problem(verdict));
        } finally {
            FileTrees.delete(directory);
        }
    }

    private static String problem(ExplorationRun.Verdict verdict) {
        boolean unsafe = verdict.safety().safety() == Safety.VIOLATED;
        String safety = "safety violated: " + verdict.safety().detail();
        if (verdict.stalled().isEmpty()) {
            return unsafe ? safety : "ok";
        }
        String stall = "not live after settling: honest validators " + verdict.stalled() + " committed nothing new"
                + verdict.allowedStall().map(why -> ", as the protocol allows here: " + why).orElse("");
        return unsafe ? stall + "; " + safety : stall;
    }
}
