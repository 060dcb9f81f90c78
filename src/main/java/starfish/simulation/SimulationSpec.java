package starfish.simulation;

import java.util.Map;
import starfish.node.config.ClientParameters;
import starfish.node.config.NodeParameters;
import starfish.protocol.ByzantineStrategy;
import starfish.protocol.Consensus;

/**
 * What a simulated committee runs: the protocol, the committee size, the total load (split evenly over the
 * validators, as on every testbed), the Byzantine validators and their strategy, the network and cost models, the
 * validator's parameters, and the seed from which every random choice of the run derives.
 */
public record SimulationSpec(
        Consensus consensus,
        int committee,
        double totalLoad,
        Map<Integer, ByzantineStrategy> byzantine,
        LinkModel links,
        double uplinkMbps,
        CostModel costs,
        NodeParameters nodeParameters,
        ClientParameters clientParameters,
        long seed) {

    public SimulationSpec {
        if (committee < 1) {
            throw new IllegalArgumentException("the committee needs at least one validator, was " + committee);
        }
        if (totalLoad < 0 || uplinkMbps < 0) {
            throw new IllegalArgumentException("load and uplink bandwidth must not be negative");
        }
        byzantine = Map.copyOf(byzantine);
    }

    public ByzantineStrategy strategyOf(int authority) {
        return byzantine.getOrDefault(authority, ByzantineStrategy.HONEST);
    }
}
