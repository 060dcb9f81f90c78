package starfish.node.core;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import starfish.node.byzantine.ByzantineDissemination;
import starfish.node.config.Committee;
import starfish.node.config.NodeParameters;
import starfish.node.consensus.Committer;
import starfish.node.consensus.LeaderSchedule;
import starfish.node.consensus.Linearizer;
import starfish.node.dag.Block;
import starfish.node.dag.BlockCheck;
import starfish.node.dag.BlockLog;
import starfish.node.dag.BlockSigner;
import starfish.node.dag.BlockStore;
import starfish.node.dag.StorageFailure;
import starfish.node.load.LoadGenerator;
import starfish.node.load.TransactionPool;
import starfish.node.metrics.NodeMetrics;
import starfish.node.net.InboundFrames;
import starfish.node.net.InboundHandler;
import starfish.node.net.Message;
import starfish.node.net.RandomPeers;
import starfish.node.net.Synchronizer;
import starfish.node.net.Transport;
import starfish.node.runtime.Clock;
import starfish.node.runtime.NodeRuntime;

/** One running validator: network, core, load generator and metrics, wired for the configured protocol. */
public final class Validator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Validator.class);
    /** The write-ahead log of the DAG (a directory of segments), beside committed.log in the storage directory. */
    public static final String BLOCK_LOG = "wal";

    private final Transport network;
    private final Core core;
    private final LoadGenerator load;
    private final BlockLog blockLog;

    private Validator(Transport network, Core core, LoadGenerator load, BlockLog blockLog) {
        this.network = network;
        this.core = core;
        this.load = load;
        this.blockLog = blockLog;
    }

    /** A validator on this machine's clocks and threads, over TCP. */
    public static Validator start(ValidatorConfig config) throws IOException {
        return start(config, NodeRuntime.system());
    }

    /** A validator whose time, threads, randomness and transport come from `runtime`. */
    public static Validator start(ValidatorConfig config, NodeRuntime runtime) throws IOException {
        Committee committee = config.committee();
        NodeParameters parameters = config.nodeParameters();
        int self = config.authority();
        Clock clock = runtime.clock();
        NodeMetrics metrics = new NodeMetrics(config.registry(), committee.size(), clock);
        BlockStore store = new BlockStore();
        CheckpointFile checkpointFile = new CheckpointFile(config.storagePath());
        Optional<CommitCheckpoint> checkpoint = checkpointFile.read();
        // recovery: the DAG and the own last block of a previous run on this storage, so no round is signed twice
        // the blocks below a checkpoint's floor are dropped when the core resumes from it: they are not recovered
        BlockLog blockLog = BlockLog.open(config.storagePath().resolve(BLOCK_LOG), self, committee,
                parameters.walSegmentBytes(), runtime.forcesWrites(),
                checkpoint.map(c -> c.floor(parameters.gcDepthRounds())).orElse(0L));
        store.persistTo(blockLog);
        metrics.watchStorage(blockLog::size);
        TransactionPool pool = new TransactionPool(parameters.maxPendingTransactions());
        metrics.watchPool(pool::pendingCount, pool::droppedCount);
        List<Block> genesis = BlockSigner.genesis(committee);
        ProtocolComponents protocol = new ProtocolComponents(config.consensus(), committee, self, parameters,
                new RandomPeers(self, committee.size(), runtime.random()), runtime::payloadCoding);
        Core[] coreRef = new Core[1];
        InboundHandler toCore = new InboundHandler() {
            @Override
            public void onMessage(int peer, Message message) {
                coreRef[0].onMessage(peer, message);
            }

            @Override
            public void awaitCapacity() throws InterruptedException {
                coreRef[0].awaitCapacity();
            }
        };
        BlockCheck verifier = runtime.blockCheck(protocol.verifier(runtime.signatureCheck()));
        Transport network = runtime.transport(config, new InboundFrames(verifier, metrics, toCore), metrics);
        LeaderSchedule schedule = protocol.schedule();
        BlockSigner signer = new BlockSigner(self, config.signingKey());
        Proposer proposer = new Proposer(signer, store, schedule, pool, protocol.dataPath(), metrics, clock,
                parameters.leaderTimeoutMs(), new RoundPacing(parameters.minRoundIntervalMs(),
                        parameters.idleRoundIntervalMs(), clock.nanoTime()),
                parameters.maxBlockTransactions(), parameters.gcDepthRounds() / 2,
                blockLog.lastOwnBlock().orElse(genesis.get(self)), clock.nanoTime());
        Committer committer = new Committer(committee, store, schedule, protocol.skipRule(store));
        Linearizer linearizer = new Linearizer(store, parameters.gcDepthRounds());
        CommitObserver observer = new CommitObserver(config.storagePath(), metrics, clock);
        Core core = new Core(new CoreParts(committee, self, store, proposer, committer, linearizer, observer,
                new Checkpointer(blockLog, checkpointFile, linearizer, protocol.dataPath(), observer,
                        parameters.gcDepthRounds()),
                ByzantineDissemination.of(config.byzantineStrategy(), protocol.dissemination(network, store), network,
                        self, schedule, signer, protocol.dataPath(), clock, runtime.random().nextLong()),
                protocol.dataPath(),
                new Synchronizer(network, new RandomPeers(self, committee.size(), runtime.random()), metrics,
                        parameters.syncRetryMs()),
                metrics, parameters.gcDepthRounds(), parameters.syncRetryMs(), network::allPeersConnected,
                parameters.startupWaitMs(), clock, runtime.executor("core-" + self)));
        coreRef[0] = core;
        List<Block> initial = new ArrayList<>(genesis);
        initial.addAll(blockLog.recovered());
        core.start(initial, checkpoint);
        try {
            network.start();
        } catch (IOException e) {
            network.close();
            core.close();
            blockLog.close();
            throw new IOException("validator " + self + " cannot listen on port "
                    + committee.authority(self).consensusPort() + ": " + e.getMessage(), e);
        }
        LoadGenerator load = new LoadGenerator(pool, config.loadTxPerSecond(), config.clientParameters(),
                core::hasStarted, clock, runtime.executor("load-generator-" + self), runtime.random());
        load.start();
        LOG.info("validator {} of {} started ({}, {}, load {} tx/s{})", self, committee.size(), config.consensus(),
                config.byzantineStrategy(), config.loadTxPerSecond(), config.mimicExtraLatency() ? ", mimicked geo-latency" : "");
        return new Validator(network, core, load, blockLog);
    }

    /**
     * Completes when the validator's storage failed (a full disk, an I/O error): it has stopped signing and
     * sending, and its process should exit.
     */
    public CompletableFuture<StorageFailure> storageFailure() {
        return core.storageFailure();
    }

    @Override
    public void close() throws IOException {
        load.close();
        network.close();
        core.close();
        blockLog.close();
    }
}
