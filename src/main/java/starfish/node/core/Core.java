package starfish.node.core;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import starfish.node.availability.DataPath;
import starfish.node.consensus.Committer;
import starfish.node.consensus.Decision;
import starfish.node.consensus.Linearizer;
import starfish.node.dag.Block;
import starfish.node.dag.BlockCodec;
import starfish.node.dag.BlockLimits;
import starfish.node.dag.BlockManager;
import starfish.node.dag.StorageFailure;
import starfish.node.dag.BlockStore;
import starfish.node.dissemination.Dissemination;
import starfish.node.metrics.NodeMetrics;
import starfish.node.metrics.ResourceBound;
import starfish.node.net.InboundHandler;
import starfish.node.net.Message;
import starfish.node.net.Synchronizer;
import starfish.node.runtime.Cancellable;
import starfish.node.runtime.Clock;
import starfish.node.runtime.TaskExecutor;

/**
 * The validator's state machine on one executor (a thread, or the simulation's scheduler): it admits blocks into
 * the DAG, proposes, commits and linearizes. Transports only enqueue (already verified) work, so the DAG needs no
 * locks and no lock is held across I/O. A batch of events is followed by one step; a timer wakes the core at the
 * next proposal deadline, and at least every 50 ms for retries and flushes.
 */
final class Core implements InboundHandler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Core.class);
    private static final long MAX_WAIT_NANOS = 50_000_000L;
    private static final int MAX_EVENTS_PER_BATCH = 1_000;
    /** Peers keep gcDepth rounds below their last commit, which trails their highest round by a few rounds. */
    private static final int LAG_MARGIN_ROUNDS = 10;
    /** Events (each a frame of at most max_frame_bytes) queued before readers wait. */
    static final int MAX_QUEUED_EVENTS = 1_000;

    private final BlockStore store;
    private final BlockManager manager;
    private final ThresholdClock rounds;
    private final CatchUpHorizon horizon;
    private final Proposer proposer;
    private final Committer committer;
    private final Linearizer linearizer;
    private final CommitObserver observer;
    private final Dissemination dissemination;
    private final DataPath dataPath;
    private final Synchronizer synchronizer;
    private final NodeMetrics metrics;
    private final int gcDepth;
    private final long syncRetryNanos;
    private final ConcurrentLinkedQueue<CoreEvent> queue = new ConcurrentLinkedQueue<>();
    private final EventBacklog backlog;
    private final RoundWindow roundWindow;
    private final AtomicBoolean drainRequested = new AtomicBoolean();
    private final Clock clock;
    private final TaskExecutor executor;
    private final java.util.function.BooleanSupplier peersReady;
    private final long startupDeadlineNanos;
    private volatile boolean started;
    /** Set once a write to the log failed: the core handles nothing more. */
    private volatile boolean halted;
    private volatile boolean closing;
    private long lastSyncNanos;
    private Cancellable wake;
    private long wakeAtNanos;

    Core(CoreParts parts) {
        this.store = parts.store();
        this.manager = new BlockManager(store, parts.committee().size(),
                BlockLimits.defaults(parts.committee().size(), parts.gcDepth(), parts.metrics()::boundHit));
        this.backlog = new EventBacklog(MAX_QUEUED_EVENTS, () -> parts.metrics().boundHit(ResourceBound.EVENT_QUEUE));
        this.roundWindow = new RoundWindow(parts.gcDepth(), parts.metrics());
        this.rounds = new ThresholdClock(parts.committee());
        this.horizon = new CatchUpHorizon(parts.committee(), parts.gcDepth() - LAG_MARGIN_ROUNDS);
        this.peersReady = parts.peersReady();
        this.clock = parts.clock();
        this.executor = parts.executor();
        this.startupDeadlineNanos = clock.nanoTime() + parts.startupWaitMs() * 1_000_000L;
        this.proposer = parts.proposer();
        this.committer = parts.committer();
        this.linearizer = parts.linearizer();
        this.observer = parts.observer();
        this.dissemination = parts.dissemination();
        this.dataPath = parts.dataPath();
        this.synchronizer = parts.synchronizer();
        this.metrics = parts.metrics();
        this.gcDepth = parts.gcDepth();
        this.syncRetryNanos = parts.syncRetryMs() * 1_000_000L;
    }

    /** Whether this validator proposes yet: every peer connected, or the startup wait over. */
    public boolean hasStarted() {
        return started;
    }

    /**
     * Genesis blocks, then the blocks a previous run logged, enter the DAG before anything else. Their data goes to
     * the data path as well: after a restart the committee re-commits from the start, and peers no longer hold the
     * data of blocks older than their history.
     */
    void start(List<Block> initial) {
        dataPath.received(initial);
        admit(manager.add(initial).accepted());
        requestDrain();
    }

    @Override
    public void onMessage(int peer, Message message) {
        if (message instanceof Message.Blocks blocks) {
            queue.add(new CoreEvent.BlocksReceived(peer, blocks.blocks()));
        } else if (message instanceof Message.BlockResponse response) {
            queue.add(new CoreEvent.BlocksReceived(peer, response.blocks()));
        } else if (message instanceof Message.BlockRequest request) {
            queue.add(new CoreEvent.BlocksRequested(peer, request.references()));
        } else if (message instanceof Message.DataRequest request) {
            queue.add(new CoreEvent.DataRequested(peer, request.references()));
        } else {
            return;
        }
        backlog.added();
        requestDrain();
    }

    /** Back-pressure for reader threads: waits while too many events are queued. */
    @Override
    public void awaitCapacity() throws InterruptedException {
        backlog.awaitRoom();
    }

    /** At most one drain is queued at a time: events that arrive meanwhile join its batch. */
    private void requestDrain() {
        if (!drainRequested.getAndSet(true)) {
            executor.execute(this::drain);
        }
    }

    /** Handles a batch of events, takes one step, then sets the timer for the next deadline. */
    private void drain() {
        drainRequested.set(false);
        if (halted) {
            return;
        }
        try {
            CoreEvent event = queue.poll();
            for (int handled = 0; event != null; handled++) {
                backlog.handled();
                handle(event);
                event = handled + 1 < MAX_EVENTS_PER_BATCH ? queue.poll() : null;
            }
            step(clock.nanoTime());
        } catch (StorageFailure e) {
            // nothing more is signed or sent: a block that is not on disk could be signed twice after a restart
            if (!closing) {
                LOG.error("the validator stops: {}", e.getMessage(), e);
            } // else closing interrupted a write, which closes the file: the validator is stopping anyway
            halted = true;
            return;
        } catch (RuntimeException | IOException e) {
            // a bug must not silently halt the validator: report it and carry on with the next events
            LOG.error("the core failed to process events", e);
        }
        if (!queue.isEmpty()) {
            requestDrain();
        }
        armWake(clock.nanoTime());
    }

    /** Keeps one timer, at the proposal deadline or 50 ms from now, whichever is sooner. */
    private void armWake(long now) {
        long untilDeadline = started ? proposer.nanosUntilDeadline(rounds.quorumRound(), now)
                : startupDeadlineNanos - now;
        long at = now + Math.max(0, Math.min(MAX_WAIT_NANOS, untilDeadline));
        if (wake != null && wakeAtNanos <= at) {
            return;
        }
        if (wake != null) {
            wake.cancel();
        }
        wakeAtNanos = at;
        wake = executor.schedule(at - now, () -> {
            wake = null;
            drain();
        });
    }

    private void handle(CoreEvent event) {
        if (event instanceof CoreEvent.BlocksReceived received) {
            received.blocks().forEach(horizon::observe);
            List<Block> blocks = roundWindow.within(received.blocks(),
                    Math.max(rounds.quorumRound(), horizon.validityRound()));
            dissemination.blocksReceived(received.peer(), blocks);
            dataPath.received(blocks);
            BlockManager.AddResult result = manager.add(blocks);
            admit(result.accepted());
            if (!result.newlyMissing().isEmpty()) {
                synchronizer.requestFrom(received.peer(), result.newlyMissing(), clock.nanoTime());
            }
        } else if (event instanceof CoreEvent.BlocksRequested requested) {
            dissemination.blocksRequested(requested.peer(), requested.references());
        } else if (event instanceof CoreEvent.DataRequested requested) {
            dataPath.dataRequested(requested.peer(), requested.references());
        }
    }

    private void admit(List<Block> accepted) {
        for (Block block : accepted) {
            if (store.blocksAt(block.round(), block.author()).size() > 1) {
                metrics.equivocatingBlocks.labelValues(Integer.toString(block.author())).inc();
            }
            rounds.add(block);
            proposer.accepted(block);
            dissemination.blockAccepted(block);
        }
    }

    /** After a batch of events: commit what can be, propose if allowed, then housekeeping. */
    private void step(long now) throws IOException {
        catchUpIfFarBehind();
        commit();
        started = started || peersReady.getAsBoolean() || now - startupDeadlineNanos >= 0;
        Block own = started ? proposer.tryPropose(rounds.quorumRound(), now) : null;
        if (own != null) {
            dataPath.received(List.of(own));
            admit(manager.add(List.of(own)).accepted());
            metrics.proposedBlockSize.set(BlockCodec.encodedLength(own));
            dissemination.ownBlockProposed(own);
            commit();
        }
        dataPath.poll(now).forEach(observer::committed);
        if (now - lastSyncNanos >= syncRetryNanos / 2) {
            lastSyncNanos = now;
            synchronizer.retry(manager.missing(), now);
            metrics.suspendedBlocks.set(manager.suspendedCount());
        }
        observer.flushIfDue(now);
    }

    /**
     * When validators with more than a third of the stake are further ahead than peers keep history, this
     * validator cannot fetch what it misses: it resumes above that point and its committed.log stops (the sequence
     * it would write from here has a gap, so it cannot be compared with the others').
     */
    private void catchUpIfFarBehind() {
        long catchUpFloor = horizon.horizon();
        // the slack keeps a validator that is fetching history from giving up on it again and again
        if (catchUpFloor > committer.lastDecidedRound() + gcDepth / 2 && catchUpFloor > manager.floor()) {
            LOG.warn("far behind the committee: skipping history below round {} (last decided round {})",
                    catchUpFloor, committer.lastDecidedRound());
            observer.historyLost();
            committer.skipTo(catchUpFloor - 1);
            admit(manager.raiseFloor(catchUpFloor));
        }
    }

    private void commit() {
        List<Decision> decisions = committer.tryDecide();
        if (decisions.isEmpty()) {
            return;
        }
        long lastCommittedRound = -1;
        for (Decision decision : decisions) {
            observer.decided(decision);
            if (decision instanceof Decision.Commit commit) {
                dataPath.committed(linearizer.linearize(commit.leader())).forEach(observer::committed);
                lastCommittedRound = commit.leader().round();
            }
        }
        if (lastCommittedRound > gcDepth) {
            store.garbageCollectBelow(lastCommittedRound - gcDepth);
            dataPath.garbageCollectBelow(lastCommittedRound - gcDepth);
            admit(manager.raiseFloor(lastCommittedRound - gcDepth));
        }
    }

    @Override
    public void close() throws IOException {
        closing = true;
        backlog.close();
        executor.close();
        observer.close();
    }
}
