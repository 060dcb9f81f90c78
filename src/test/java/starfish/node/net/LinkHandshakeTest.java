package starfish.node.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import starfish.node.TestKeys;
import starfish.node.config.Authority;
import starfish.node.config.Committee;
import starfish.node.crypto.SigningKey;

/** Both ends of a real loopback connection run the handshake; each proves its key or the link is refused. */
class LinkHandshakeTest {

    private final Committee committee = committee(4);

    /** What each end of one handshake concluded: the acceptor's authenticated peer (or -1) and the failures. */
    private record Outcome(int acceptedPeer, IOException acceptorFailure, IOException dialerFailure) {
    }

    @Test
    void validatorsHoldingTheirKeysAuthenticateEachOther() throws Exception {
        Outcome outcome = handshake(1, TestKeys.of(1), 2, TestKeys.of(2));

        assertThat(outcome.dialerFailure()).isNull();
        assertThat(outcome.acceptorFailure()).isNull();
        assertThat(outcome.acceptedPeer()).isEqualTo(1);
    }

    @Test
    void aDialerWithoutTheKeyOfTheAuthorityItClaimsIsRefused() throws Exception {
        Outcome outcome = handshake(1, TestKeys.of(3), 2, TestKeys.of(2));

        assertThat(outcome.acceptedPeer()).isEqualTo(-1);
        assertThat(outcome.acceptorFailure()).isInstanceOf(LinkHandshake.HandshakeException.class)
                .hasMessageContaining("claiming to be validator 1 does not hold its key");
    }

    @Test
    void anAcceptorWithoutTheKeyOfTheValidatorDialledIsRefused() throws Exception {
        Outcome outcome = handshake(1, TestKeys.of(1), 2, TestKeys.of(0));

        assertThat(outcome.dialerFailure()).isInstanceOf(LinkHandshake.HandshakeException.class)
                .hasMessageContaining("does not hold its key");
        assertThat(outcome.acceptedPeer()).isEqualTo(-1);
    }

    @Test
    void onlyLowerIndicesDial() throws Exception {
        Outcome outcome = handshake(3, TestKeys.of(3), 2, TestKeys.of(2));

        assertThat(outcome.acceptorFailure()).hasMessageContaining("lower-index");
        assertThat(outcome.acceptedPeer()).isEqualTo(-1);
    }

    private Outcome handshake(int dialer, SigningKey dialerKey, int acceptor, SigningKey acceptorKey)
            throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket dialled = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                Socket accepted = server.accept()) {
            CompletableFuture<Object> acceptance = CompletableFuture.supplyAsync(() -> {
                try (accepted) {
                    return new LinkHandshake(committee, acceptor, acceptorKey, new SecureRandom())
                            .accept(new Connection(accepted));
                } catch (IOException e) {
                    return e;
                }
            });
            IOException dialerFailure = null;
            try {
                new LinkHandshake(committee, dialer, dialerKey, new SecureRandom()).dial(new Connection(dialled),
                        acceptor);
            } catch (IOException e) {
                dialerFailure = e;
                dialled.close(); // the acceptor waits for a proof that will not come
            }
            Object accepterResult = acceptance.get(10, TimeUnit.SECONDS);
            return accepterResult instanceof Integer peer ? new Outcome(peer, null, dialerFailure)
                    : new Outcome(-1, (IOException) accepterResult, dialerFailure);
        }
    }

    private static Committee committee(int size) {
        List<Authority> authorities = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            authorities.add(new Authority(i, 1, TestKeys.of(i).publicKey(), "127.0.0.1", 0, 0));
        }
        return new Committee(authorities);
    }
}
