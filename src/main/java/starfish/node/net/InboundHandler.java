package starfish.node.net;

/** Receives the decoded, verified messages of a peer (called on that peer's reader thread). */
@FunctionalInterface
public interface InboundHandler {

    void onMessage(int peer, Message message);
}
