package starfish.node.core;

import java.util.List;
import starfish.node.dag.Block;
import starfish.node.dag.BlockReference;

/** Work handed from the network threads to the core thread. */
sealed interface CoreEvent {

    record BlocksReceived(int peer, List<Block> blocks) implements CoreEvent {
    }

    record BlocksRequested(int peer, List<BlockReference> references) implements CoreEvent {
    }

    record DataRequested(int peer, List<BlockReference> references) implements CoreEvent {
    }

    record CatchUpRequested(int peer, long fromIndex) implements CoreEvent {
    }

    record CatchUpOffered(int peer, byte[] offer) implements CoreEvent {
    }
}
