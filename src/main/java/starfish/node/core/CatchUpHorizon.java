package starfish.node.core;

import java.util.Arrays;
import starfish.node.config.Committee;
import starfish.node.dag.Block;

/**
 * How far back a validator still fetches history. Peers drop blocks older than their gc depth, so a validator
 * that starts late or falls far behind cannot fetch everything; it fetches only the last `window` rounds below the
 * round that validators with more than a third of the stake (so at least one honest one) have signed blocks for.
 */
final class CatchUpHorizon {

    private final Committee committee;
    private final long window;
    private final long[] highestRound;
    /** {@link #validityRound()} until a block raises an author's highest round (it sorts the committee). */
    private long validityRound = -1;

    CatchUpHorizon(Committee committee, long window) {
        this.committee = committee;
        this.window = window;
        this.highestRound = new long[committee.size()];
    }

    /** Notes a verified block (its author signed it, so only that author can inflate its own round). */
    void observe(Block block) {
        if (block.round() > highestRound[block.author()]) {
            highestRound[block.author()] = block.round();
            validityRound = -1;
        }
    }

    /** The round below which nothing is fetched any more (0 while nobody is far ahead). */
    long horizon() {
        return Math.max(0, validityRound() - window);
    }

    /** The highest round that validators with more than a third of the stake (one honest, at least) reached. */
    long validityRound() {
        if (validityRound < 0) {
            validityRound = sortedValidityRound();
        }
        return validityRound;
    }

    private long sortedValidityRound() {
        Integer[] authors = new Integer[highestRound.length];
        Arrays.setAll(authors, i -> i);
        Arrays.sort(authors, (a, b) -> Long.compare(highestRound[b], highestRound[a]));
        long stake = 0;
        for (int author : authors) {
            stake += committee.stake(author);
            if (committee.isValidity(stake)) {
                return highestRound[author];
            }
        }
        return 0;
    }
}
