package starfish.node.core;

import java.util.function.Function;
import starfish.node.availability.DataPath;
import starfish.node.availability.ShardedPayloadCheck;
import starfish.node.availability.StarfishDataPath;
import starfish.node.config.Committee;
import starfish.node.config.NodeParameters;
import starfish.node.consensus.LeaderSchedule;
import starfish.node.consensus.MysticetiSkipRule;
import starfish.node.consensus.SkipRule;
import starfish.node.consensus.StarfishSkipRule;
import starfish.node.crypto.SignatureCheck;
import starfish.node.dag.BlockStore;
import starfish.node.dag.BlockVerifier;
import starfish.node.data.PayloadCoding;
import starfish.node.data.ReedSolomonCoder;
import starfish.node.dissemination.BlockResponder;
import starfish.node.dissemination.Dissemination;
import starfish.node.dissemination.Forwarding;
import starfish.node.dissemination.PullHistory;
import starfish.node.dissemination.PushCausalHistory;
import starfish.node.dissemination.PushOwnBlocks;
import starfish.node.net.RandomPeers;
import starfish.node.net.Transport;
import starfish.protocol.Consensus;

/**
 * What distinguishes the four protocols (README, "Protocols"), chosen in one place: the leader schedule, the skip rule,
 * the payload rule and data path (full data, or erasure-coded with acknowledgements), and the dissemination.
 */
final class ProtocolComponents {

    /** How far back pushed or streamed history reaches; older gaps are fetched by the synchronizer. */
    private static final int HISTORY_PUSH_ROUNDS = 10;

    private final Consensus consensus;
    private final Committee committee;
    private final int self;
    private final NodeParameters parameters;
    private final ShardedPayloadCheck shardedCheck;
    private final StarfishDataPath starfishData;

    /**
     * `peers` picks whom the data path asks again for data still missing; `coding` gives how the data of a coder's
     * shape is encoded and rebuilt (the runtime's).
     */
    ProtocolComponents(Consensus consensus, Committee committee, int self, NodeParameters parameters,
            RandomPeers peers, Function<ReedSolomonCoder, PayloadCoding> coding) {
        this.consensus = consensus;
        this.committee = committee;
        this.self = self;
        this.parameters = parameters;
        boolean sharded = consensus == Consensus.STARFISH || consensus == Consensus.STARFISH_PULL;
        ReedSolomonCoder coder = sharded ? ReedSolomonCoder.forCommittee(committee.size()) : null;
        PayloadCoding payloadCoding = sharded ? coding.apply(coder) : null;
        this.shardedCheck = sharded ? new ShardedPayloadCheck(payloadCoding) : null;
        this.starfishData = sharded ? new StarfishDataPath(committee, payloadCoding, shardedCheck, self,
                parameters.gcDepthRounds(), parameters.syncRetryMs(), peers) : null;
    }

    LeaderSchedule schedule() {
        return LeaderSchedule.of(consensus, committee.size());
    }

    SkipRule skipRule(BlockStore store) {
        return starfishData != null ? new StarfishSkipRule(committee, store) : new MysticetiSkipRule(committee);
    }

    BlockVerifier verifier(SignatureCheck signatureCheck) {
        return new BlockVerifier(committee, shardedCheck != null ? shardedCheck : BlockVerifier.FULL_DATA,
                signatureCheck);
    }

    DataPath dataPath() {
        return starfishData != null ? starfishData : DataPath.FULL_DATA;
    }

    Dissemination dissemination(Transport network, BlockStore store) {
        Forwarding forwarding = starfishData != null ? starfishData.forwarding() : Forwarding.AS_STORED;
        BlockResponder responder = new BlockResponder(network, store, parameters.maxFrameBytes(), forwarding);
        if (starfishData != null) {
            starfishData.connect(network, responder);
        }
        return switch (consensus) {
            case STARFISH, CORDIAL_MINERS -> new PushCausalHistory(store, responder, self, committee.size(),
                    HISTORY_PUSH_ROUNDS);
            case STARFISH_PULL -> new PullHistory(new PushOwnBlocks(network, responder), store, responder,
                    committee.size(), HISTORY_PUSH_ROUNDS);
            case MYSTICETI -> new PushOwnBlocks(network, responder);
        };
    }
}
