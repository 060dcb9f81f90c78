package starfish.node.availability;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import starfish.node.dag.BlockReference;

/**
 * What sequencing carries from one committed leader to the next when no leader waits for data: the committed
 * blocks still short of a quorum of acknowledgements, and who acknowledged which block so far. Empty for the
 * full-data protocols. Sorted, so that validators in the same state encode it to the same bytes.
 */
public record SequencingState(List<BlockReference> awaitingQuorum,
        SortedMap<BlockReference, List<Integer>> acknowledgers) {

    public static final SequencingState EMPTY = new SequencingState(List.of(), new TreeMap<>());

    public SequencingState {
        awaitingQuorum = awaitingQuorum.stream().sorted().toList();
        acknowledgers = Collections.unmodifiableSortedMap(new TreeMap<>(acknowledgers));
    }
}
