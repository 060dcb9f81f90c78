package starfish.node.net;

/** Receives the decoded, verified messages of a peer (called on that peer's reader thread). */
public interface InboundHandler {

    void onMessage(int peer, Message message);

    /**
     * Called by a reader thread of its own before it decodes the next frame: waits while the receiver is saturated,
     * which slows the peer down through TCP. A transport that delivers on the receiver's thread never calls it.
     */
    default void awaitCapacity() throws InterruptedException {
    }
}
