package starfish.node.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import starfish.node.config.Committee;
import starfish.node.config.StakeAggregator;

/**
 * Decides what a validator behind its peers' history adopts from their catch-up offers: the committed.log lines
 * from where its own sequence stands, and the furthest commit checkpoint they reach, as offered identically by
 * validators with more than a third of the stake. At most f of them are Byzantine, so at least one honest validator
 * offered it, and honest validators agree on the committed sequence: what is adopted is what every honest validator
 * committed. Offers made for another starting index do not count.
 */
final class CatchUpAgreement {

    /** Lines to append from `fromIndex` on, then the checkpoint to resume from (null: only lines agreed so far). */
    record Agreed(List<String> lines, CommitCheckpoint checkpoint) {
    }

    private final Committee committee;
    private final Map<Integer, CatchUpOffer> offers = new HashMap<>();
    private long fromIndex = -1;

    CatchUpAgreement(Committee committee) {
        this.committee = committee;
    }

    /** Asks from `index` on: offers for another starting index are dropped. */
    void startFrom(long index) {
        if (index != fromIndex) {
            fromIndex = index;
            offers.clear();
        }
    }

    /** Notes a peer's offer; returns what validators with more than a third of the stake agree on, if anything new. */
    Optional<Agreed> offered(int peer, CatchUpOffer offer) {
        if (offer.fromIndex() != fromIndex) {
            return Optional.empty();
        }
        offers.put(peer, offer);
        Agreed best = null;
        for (CatchUpOffer source : offers.values()) {
            for (CommitCheckpoint checkpoint : source.checkpoints()) {
                if (checkpoint.sequenceLength() > (best == null ? fromIndex : best.checkpoint().sequenceLength())
                        && isBackedBy(checkpoint, source.linesUpTo(checkpoint.sequenceLength()))) {
                    best = new Agreed(source.linesUpTo(checkpoint.sequenceLength()), checkpoint);
                }
            }
        }
        if (best != null) {
            return Optional.of(best);
        }
        // nothing to resume from within the lines offered (the validator is further behind than one offer
        // reaches): adopt the longest agreed prefix of lines and ask again from its end
        List<String> longest = List.of();
        for (CatchUpOffer source : offers.values()) {
            if (source.lines().size() > longest.size() && isBackedBy(null, source.lines())) {
                longest = source.lines();
            }
        }
        return longest.isEmpty() ? Optional.empty() : Optional.of(new Agreed(longest, null));
    }

    /** Whether validators with more than a third of the stake offer these lines (and this checkpoint after them). */
    private boolean isBackedBy(CommitCheckpoint checkpoint, List<String> lines) {
        if (lines == null) {
            return false;
        }
        long upTo = fromIndex + lines.size();
        StakeAggregator stake = new StakeAggregator(committee);
        offers.forEach((peer, offer) -> {
            if (lines.equals(offer.linesUpTo(upTo)) && (checkpoint == null || offer.checkpoints().contains(checkpoint))) {
                stake.add(peer);
            }
        });
        return committee.isValidity(stake.stake());
    }
}
