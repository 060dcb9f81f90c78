package starfish.node.consensus;

/** The place of a leader in the DAG: a round and the authority elected to lead it. */
public record LeaderSlot(long round, int authority) {
}
