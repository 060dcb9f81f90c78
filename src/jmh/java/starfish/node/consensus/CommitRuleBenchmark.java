package starfish.node.consensus;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import starfish.node.config.Committee;
import starfish.node.config.NodeParameters;
import starfish.node.dag.Block;
import starfish.node.dag.BlockStore;
import starfish.node.dag.DagFixtures;

/**
 * The commit rule and the linearizer on a large DAG, driven the way the core drives them: after each round of
 * blocks is added, try to decide, and linearize every newly committed leader. One operation processes the whole
 * DAG (`rounds` rounds of a `committee`); divide by `rounds` for the cost per round.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class CommitRuleBenchmark {
    @Param({"10", "100"})
    int committee;

    @Param({"500"})
    int rounds;

    private Committee members;
    private List<List<Block>> dag;

    @Setup
    public void setUp() {
        members = DagFixtures.committee(committee);
        dag = DagFixtures.fullDag(members, rounds, 0);
    }

    @Benchmark
    public void commitAndLinearizeRoundByRound(Blackhole sink) {
        BlockStore store = new BlockStore();
        Committer committer = new Committer(members, store, LeaderSchedule.pipelined(committee),
                new MysticetiSkipRule(members));
        Linearizer linearizer = new Linearizer(store, NodeParameters.DEFAULTS.gcDepthRounds());
        for (List<Block> round : dag) {
            round.forEach(store::add);
            for (Decision decision : committer.tryDecide()) {
                if (decision instanceof Decision.Commit commit) {
                    sink.consume(linearizer.linearize(commit.leader()));
                }
            }
        }
    }
}
