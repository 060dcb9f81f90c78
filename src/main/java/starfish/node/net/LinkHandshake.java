package starfish.node.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import starfish.node.config.Committee;
import starfish.node.crypto.Digest;
import starfish.node.crypto.Hasher;
import starfish.node.crypto.SigningKey;
import starfish.node.dag.MalformedException;

/**
 * Proves to each end of a new link that the other holds its authority's key, with the public keys of the committee
 * file. The dialer sends Hello(its index, its nonce); the acceptor answers Challenge(its index, its nonce, its
 * signature over the transcript); the dialer answers Proof(its signature). The transcript binds both indices, both
 * fresh nonces and the signer's role, so a signature can be neither replayed on another link nor reflected back.
 * Frames before the proof are tiny: a peer that has proved nothing cannot make a validator allocate.
 */
final class LinkHandshake {

    static final int NONCE_LENGTH = 32;
    /** The largest handshake frame is a Challenge of 1 + 4 + 32 + 64 bytes. */
    static final int MAX_FRAME_BYTES = 128;
    private static final byte[] DOMAIN = "starfish-validator-link-v1".getBytes(StandardCharsets.UTF_8);
    private static final byte DIALER = 1;
    private static final byte ACCEPTOR = 2;

    /** The peer did not prove who it claims to be; the connection must be closed. */
    static final class HandshakeException extends IOException {
        HandshakeException(String message) {
            super(message);
        }
    }

    private final Committee committee;
    private final int self;
    private final SigningKey key;
    private final SecureRandom random;

    LinkHandshake(Committee committee, int self, SigningKey key, SecureRandom random) {
        this.committee = committee;
        this.self = self;
        this.key = key;
        this.random = random;
    }

    /** The dialer's side towards `peer`; returns once `peer` proved its key. */
    void dial(Connection connection, int peer) throws IOException {
        byte[] ownNonce = nonce();
        write(connection, new Message.Hello(self, ownNonce));
        if (!(read(connection) instanceof Message.Challenge challenge) || challenge.authority() != peer) {
            throw new HandshakeException("validator " + peer + " did not answer with its challenge");
        }
        byte[] transcriptNonces = nonces(ownNonce, challenge.nonce());
        if (!verify(peer, transcript(ACCEPTOR, self, peer, transcriptNonces), challenge.signature())) {
            throw new HandshakeException("the peer at validator " + peer + "'s address does not hold its key");
        }
        write(connection, new Message.Proof(key.sign(transcript(DIALER, self, peer, transcriptNonces))));
    }

    /** The acceptor's side; returns the index of the lower-index validator that proved its key. */
    int accept(Connection connection) throws IOException {
        if (!(read(connection) instanceof Message.Hello hello) || hello.authority() < 0 || hello.authority() >= self) {
            throw new HandshakeException("the peer did not introduce itself as a lower-index validator");
        }
        int peer = hello.authority();
        byte[] ownNonce = nonce();
        byte[] transcriptNonces = nonces(hello.nonce(), ownNonce);
        write(connection, new Message.Challenge(self, ownNonce, key.sign(transcript(ACCEPTOR, peer, self,
                transcriptNonces))));
        if (!(read(connection) instanceof Message.Proof proof)
                || !verify(peer, transcript(DIALER, peer, self, transcriptNonces), proof.signature())) {
            throw new HandshakeException("the peer claiming to be validator " + peer + " does not hold its key");
        }
        return peer;
    }

    private byte[] nonce() {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        return nonce;
    }

    private static byte[] nonces(byte[] dialerNonce, byte[] acceptorNonce) {
        return ByteBuffer.allocate(2 * NONCE_LENGTH).put(dialerNonce).put(acceptorNonce).array();
    }

    private static Digest transcript(byte role, int dialer, int acceptor, byte[] nonces) {
        return Hasher.sha256(ByteBuffer.allocate(DOMAIN.length + 1 + 2 * Integer.BYTES + nonces.length)
                .put(DOMAIN).put(role).putInt(dialer).putInt(acceptor).put(nonces).array());
    }

    private boolean verify(int peer, Digest transcript, byte[] signature) {
        return committee.authority(peer).publicKey().verify(transcript, signature);
    }

    private static void write(Connection connection, Message message) throws IOException {
        ByteBuffer frame = MessageCodec.encode(message);
        connection.output().write(frame.array(), 0, frame.remaining());
        connection.output().flush();
    }

    private static Message read(Connection connection) throws IOException {
        byte[] body = new FrameReader(connection.input(), MAX_FRAME_BYTES).next();
        if (body == null) {
            throw new HandshakeException("the peer closed the connection during the handshake");
        }
        try {
            return MessageCodec.decode(body);
        } catch (MalformedException e) {
            throw new HandshakeException("malformed handshake frame: " + e.getMessage());
        }
    }
}
