package starfish.node.core;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
import starfish.node.dag.BlockReference;
import starfish.node.dag.MalformedException;
import starfish.node.dag.StorageFailure;
import starfish.node.dag.BlockStore;
import starfish.node.dissemination.Dissemination;
import starfish.node.metrics.NodeMetrics;
import starfish.node.metrics.RejectionReason;
import starfish.node.metrics.ResourceBound;
import starfish.node.net.AnswerLimits;
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
    private final Checkpointer checkpointer;
    private final CatchUpAgreement catchUp;
    /** Blocks are kept this many rounds beyond gcDepth, so that a peer catching up can fetch those a checkpoint needs. */
    private final int servedMargin;
    private final Dissemination dissemination;
    private final DataPath dataPath;
    private final Synchronizer synchronizer;
    private final AnswerLimits answerLimits;
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
    private final CompletableFuture<StorageFailure> storageFailure = new CompletableFuture<>();
    private volatile boolean closing;
    /** Far behind the committee: nothing is committed until a checkpoint the peers agree on is adopted. */
    private boolean catchingUp;
    /** A checkpoint resumed from whose sequencing state waits for blocks it names; nothing is committed meanwhile. */
    private CommitCheckpoint sequencingToRestore;
    /** Whom to ask for blocks a resumed checkpoint names: the peer whose offer completed the agreement. */
    private int lastOfferingPeer;
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
        this.checkpointer = parts.checkpointer();
        this.catchUp = new CatchUpAgreement(parts.committee());
        this.servedMargin = parts.gcDepth() / 2;
        this.lastOfferingPeer = (parts.self() + 1) % parts.committee().size();
        this.dissemination = parts.dissemination();
        this.dataPath = parts.dataPath();
        this.synchronizer = parts.synchronizer();
        this.metrics = parts.metrics();
        this.answerLimits = new AnswerLimits(parts.committee().size(), metrics, clock.nanoTime());
        this.gcDepth = parts.gcDepth();
        this.syncRetryNanos = parts.syncRetryMs() * 1_000_000L;
    }

    /** Completes when storage failed and the core halted: the process should stop. */
    CompletableFuture<StorageFailure> storageFailure() {
        return storageFailure;
    }

    /** Whether this validator proposes yet: every peer connected, or the startup wait over. */
    public boolean hasStarted() {
        return started;
    }

    /**
     * Genesis blocks, then the blocks a previous run logged, enter the DAG before anything else. Their data goes to
     * the data path as well: after a restart the committee re-commits from the last checkpoint (or from the start),
     * and peers no longer hold the data of blocks older than their history.
     */
    void start(List<Block> initial, Optional<CommitCheckpoint> checkpoint) {
        checkpoint.ifPresent(c -> admit(resumeFrom(c)));
        dataPath.received(initial);
        admit(manager.add(initial).accepted());
        requestDrain();
    }

    /**
     * Commits go on after the checkpoint; the history below its floor is neither needed nor fetched. The data
     * path's state is restored once the blocks it names are stored. Returns the blocks the raised floor admitted.
     */
    private List<Block> resumeFrom(CommitCheckpoint checkpoint) {
        long floor = checkpoint.floor(gcDepth);
        LOG.info("resuming the committed sequence after leader {} (round {}); history below round {} is not needed",
                checkpoint.sequenceLength(), checkpoint.leaderRound(), floor);
        committer.skipTo(checkpoint.leaderRound());
        linearizer.restore(checkpoint.linearized());
        observer.resumeAt(checkpoint.sequenceLength(), checkpoint.sequenceDigest());
        store.garbageCollectBelow(floor);
        sequencingToRestore = checkpoint;
        return manager.raiseFloor(floor);
    }

    /** Restores the data path's state once the blocks it names are stored; asks a peer for those still absent. */
    private void restoreSequencing(long now, boolean retryDue) {
        List<BlockReference> absent = sequencingToRestore.sequencing().awaitingQuorum().stream()
                .filter(r -> !store.contains(r)).toList();
        if (absent.isEmpty()) {
            dataPath.restore(sequencingToRestore.sequencing(), store::get);
            sequencingToRestore = null;
        } else if (retryDue) {
            synchronizer.requestFrom(lastOfferingPeer, absent, now);
        }
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
        } else if (message instanceof Message.CatchUpRequest request) {
            queue.add(new CoreEvent.CatchUpRequested(peer, request.fromIndex()));
        } else if (message instanceof Message.CatchUpResponse response) {
            queue.add(new CoreEvent.CatchUpOffered(peer, response.offer()));
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
            halted = true;
            if (!closing) {
                LOG.error("the validator stops: {}", e.getMessage(), e);
                storageFailure.complete(e);
            } // else closing interrupted a write, which closes the file: the validator is stopping anyway
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
            List<BlockReference> references = requested.references();
            int answered = answerLimits.blockReferencesToAnswer(requested.peer(), references.size(), clock.nanoTime());
            if (answered > 0) {
                dissemination.blocksRequested(requested.peer(), references.subList(0, answered));
            }
        } else if (event instanceof CoreEvent.DataRequested requested) {
            dataPath.dataRequested(requested.peer(), requested.references());
        } else if (event instanceof CoreEvent.CatchUpRequested requested
                && answerLimits.mayAnswerCatchUp(requested.peer(), clock.nanoTime())) {
            checkpointer.offerFrom(requested.fromIndex())
                    .ifPresent(offer -> synchronizer.offerCatchUp(requested.peer(), offer.encode()));
        } else if (event instanceof CoreEvent.CatchUpOffered offered && catchingUp) {
            try {
                catchUp.offered(offered.peer(), CatchUpOffer.decode(offered.offer())).ifPresent(agreed -> {
                    lastOfferingPeer = offered.peer();
                    adopt(agreed);
                });
            } catch (MalformedException e) {
                metrics.reject(RejectionReason.MALFORMED);
                LOG.debug("dropping a malformed catch-up offer from {}: {}", offered.peer(), e.getMessage());
            }
        }
    }

    /** Appends the agreed lines, then resumes from the agreed checkpoint, or asks again from the new position. */
    private void adopt(CatchUpAgreement.Agreed agreed) {
        observer.adopt(agreed.lines());
        if (agreed.checkpoint() == null) {
            catchUp.startFrom(observer.sequenceLength());
            synchronizer.requestCatchUpNow(observer.sequenceLength(), clock.nanoTime());
            return;
        }
        LOG.info("caught up: {} committed leaders agreed by peers with more than a third of the stake",
                agreed.lines().size());
        catchingUp = false;
        admit(resumeFrom(agreed.checkpoint()));
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
        catchUpIfFarBehind(now);
        boolean retryDue = now - lastSyncNanos >= syncRetryNanos / 2;
        if (sequencingToRestore != null) {
            restoreSequencing(now, retryDue);
        }
        commit();
        started = started || peersReady.getAsBoolean() || now - startupDeadlineNanos >= 0;
        Block own = started ? proposer.tryPropose(rounds.quorumRound(), now) : null;
        if (own != null) {
            dataPath.received(List.of(own));
            admit(manager.add(List.of(own)).accepted());
            int size = BlockCodec.encodedLength(own);
            metrics.proposedBlockSize.set(size);
            metrics.proposedHeaderSize.observe(size - own.payload().bytes().remaining());
            metrics.proposedRound.set(own.round());
            dissemination.ownBlockProposed(own);
            commit();
        } else if (started) {
            proposer.ownBlockToSendAgain(now).ifPresent(dissemination::ownBlockSentAgain);
        }
        dataPath.poll(now).forEach(observer::committed);
        if (retryDue) {
            lastSyncNanos = now;
            synchronizer.retry(manager.missing(), now);
            metrics.suspendedBlocks.set(manager.suspendedCount());
        }
        observer.flushIfDue(now);
    }

    /**
     * When validators with more than a third of the stake are further ahead than peers keep history, this
     * validator cannot fetch what it misses: it stops committing and asks its peers where their committed sequences
     * stand, then adopts what validators with more than a third of the stake agree on (README, "Catching up").
     */
    private void catchUpIfFarBehind(long now) {
        long catchUpFloor = horizon.horizon();
        // the slack keeps a validator that is fetching history from giving up on it again and again
        if (catchUpFloor > committer.lastDecidedRound() + gcDepth / 2 && catchUpFloor > manager.floor()) {
            if (!catchingUp) {
                LOG.warn("far behind the committee (last decided round {}, peers beyond round {}): catching up from"
                        + " committed leader {}", committer.lastDecidedRound(), catchUpFloor,
                        observer.sequenceLength());
                catchingUp = true;
            }
            catchUp.startFrom(observer.sequenceLength());
            synchronizer.requestCatchUp(observer.sequenceLength(), now);
        }
    }

    private void commit() {
        if (catchingUp || sequencingToRestore != null) {
            return;
        }
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
                checkpointer.committed(lastCommittedRound);
            }
        }
        if (lastCommittedRound > gcDepth) {
            store.garbageCollectBelow(lastCommittedRound - gcDepth - servedMargin);
            dataPath.garbageCollectBelow(lastCommittedRound - gcDepth - servedMargin);
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
