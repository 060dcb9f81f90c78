package starfish.node.core;

import starfish.node.availability.DataPath;
import starfish.node.config.Committee;
import starfish.node.consensus.Committer;
import starfish.node.consensus.Linearizer;
import starfish.node.dag.BlockStore;
import starfish.node.dissemination.Dissemination;
import starfish.node.metrics.NodeMetrics;
import starfish.node.net.Synchronizer;
import starfish.node.runtime.Clock;
import starfish.node.runtime.TaskExecutor;

/** The pieces a core is assembled from; the protocol choice decides committer and dissemination. */
record CoreParts(
        Committee committee,
        int self,
        BlockStore store,
        Proposer proposer,
        Committer committer,
        Linearizer linearizer,
        CommitObserver observer,
        Checkpointer checkpointer,
        Dissemination dissemination,
        DataPath dataPath,
        Synchronizer synchronizer,
        NodeMetrics metrics,
        int gcDepth,
        long syncRetryMs,
        java.util.function.BooleanSupplier peersReady,
        long startupWaitMs,
        Clock clock,
        TaskExecutor executor) {
}
