package starfish.node.core;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetAddress;
import java.nio.file.Path;
import starfish.node.config.ClientParameters;
import starfish.node.config.Committee;
import starfish.node.config.NodeParameters;
import starfish.node.crypto.SigningKey;
import starfish.protocol.ByzantineStrategy;
import starfish.protocol.Consensus;

/** Everything one validator is started with. */
public record ValidatorConfig(
        Committee committee,
        int authority,
        SigningKey signingKey,
        NodeParameters nodeParameters,
        ClientParameters clientParameters,
        Consensus consensus,
        ByzantineStrategy byzantineStrategy,
        double loadTxPerSecond,
        boolean mimicExtraLatency,
        Path storagePath,
        InetAddress bindAddress,
        PrometheusRegistry registry) {

    public ValidatorConfig {
        if (!committee.isValidIndex(authority)) {
            throw new IllegalArgumentException("authority " + authority + " is not in the committee of "
                    + committee.size());
        }
        if (!signingKey.publicKey().equals(committee.authority(authority).publicKey())) {
            throw new IllegalArgumentException("the private key does not match authority " + authority
                    + "'s public key in the committee");
        }
        if (loadTxPerSecond < 0) {
            throw new IllegalArgumentException("load must not be negative, was " + loadTxPerSecond);
        }
    }
}
