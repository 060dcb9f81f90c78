package starfish.node.net;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import starfish.node.dag.BlockCodec;
import starfish.node.dag.BlockReference;
import starfish.node.metrics.NodeMetrics;
import starfish.node.metrics.ResourceBound;

/**
 * Fetches missing blocks: first from the peer whose block named them (it holds them), then, while they stay
 * missing, again from a random peer every retry interval. Called on the core thread.
 */
public final class Synchronizer {

    private static final int MAX_REFERENCES_PER_REQUEST = BlockCodec.MAX_REFERENCES;
    /** Enough to fetch a hundred rounds of a hundred validators in about half a second. */
    static final int REQUESTED_REFERENCES_PER_SECOND = 20_000;

    private final Transport network;
    private final RandomPeers peers;
    private final NodeMetrics metrics;
    private final long retryNanos;
    private final Map<BlockReference, Long> requestedAt = new HashMap<>();
    private final Map<Integer, Integer> reportedMissing = new HashMap<>();
    private TokenBucket budget;
    private long catchUpRequestedAt = Long.MIN_VALUE;

    public Synchronizer(Transport network, RandomPeers peers, NodeMetrics metrics, long retryMs) {
        this.network = network;
        this.peers = peers;
        this.metrics = metrics;
        this.retryNanos = retryMs * 1_000_000L;
    }

    /** Requests what the budget allows now; the rest stays missing and goes out with a later retry. */
    public void requestFrom(int peer, List<BlockReference> wanted, long nowNanos) {
        if (budget == null) {
            budget = new TokenBucket(MAX_REFERENCES_PER_REQUEST, REQUESTED_REFERENCES_PER_SECOND, nowNanos);
        }
        // the budget never exceeds one request's worth
        int granted = budget.take(wanted.size(), nowNanos);
        metrics.boundHit(ResourceBound.SYNC_REQUESTS, wanted.size() - granted);
        if (granted == 0) {
            return;
        }
        List<BlockReference> references = new ArrayList<>(wanted.subList(0, granted));
        network.send(peer, new Message.BlockRequest(references));
        references.forEach(r -> requestedAt.put(r, nowNanos));
    }

    /** Re-requests what is still missing after the retry interval and refreshes the missing_blocks gauge. */
    public void retry(Set<BlockReference> missing, long nowNanos) {
        requestedAt.keySet().retainAll(missing);
        List<BlockReference> overdue = new ArrayList<>();
        Map<Integer, Integer> perAuthor = new HashMap<>();
        for (BlockReference reference : missing) {
            perAuthor.merge(reference.author(), 1, Integer::sum);
            Long at = requestedAt.get(reference);
            if (at == null || nowNanos - at >= retryNanos) {
                overdue.add(reference);
            }
        }
        if (!overdue.isEmpty() && network.size() > 1) {
            // oldest first (the missing set keeps insertion order): the history the DAG needs soonest
            requestFrom(peers.next(), overdue, nowNanos);
        }
        publish(perAuthor);
    }

    /**
     * Asks every peer where its committed sequence stands (beyond the history it still holds), at most once per
     * retry interval: the core adopts what validators with more than a third of the stake agree on.
     */
    public void requestCatchUp(long fromIndex, long nowNanos) {
        if (catchUpRequestedAt == Long.MIN_VALUE || nowNanos - catchUpRequestedAt >= retryNanos) {
            catchUpRequestedAt = nowNanos;
            network.broadcast(new Message.CatchUpRequest(fromIndex));
        }
    }

    /** Asks again at once: the last answers moved this validator's position on. */
    public void requestCatchUpNow(long fromIndex, long nowNanos) {
        catchUpRequestedAt = Long.MIN_VALUE;
        requestCatchUp(fromIndex, nowNanos);
    }

    /** Answers a peer's catch-up request with an encoded offer. */
    public void offerCatchUp(int peer, byte[] offer) {
        network.send(peer, new Message.CatchUpResponse(offer));
    }

    private void publish(Map<Integer, Integer> perAuthor) {
        for (Iterator<Map.Entry<Integer, Integer>> it = reportedMissing.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, Integer> entry = it.next();
            if (!perAuthor.containsKey(entry.getKey())) {
                metrics.missingBlocks.labelValues(Integer.toString(entry.getKey())).set(0);
                it.remove();
            }
        }
        perAuthor.forEach((author, count) -> {
            metrics.missingBlocks.labelValues(Integer.toString(author)).set(count);
            reportedMissing.put(author, count);
        });
    }
}
