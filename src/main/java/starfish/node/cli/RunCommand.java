package starfish.node.cli;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import starfish.node.config.Committee;
import starfish.node.config.ConfigException;
import starfish.node.config.ConfigFiles;
import starfish.node.core.Validator;
import starfish.node.core.ValidatorConfig;
import starfish.node.dag.CorruptLogException;
import starfish.node.metrics.JvmMetricsSelection;
import starfish.protocol.ByzantineStrategy;
import starfish.protocol.Consensus;

/** Runs one validator until SIGTERM/SIGINT, serving Prometheus metrics on its metrics port. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Runs one validator until it is killed.")
final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Option(names = "--authority", required = true, description = "This validator's index in the committee.")
    int authority;

    @Option(names = "--committee-path", required = true)
    Path committeePath;

    @Option(names = "--public-config-path", required = true)
    Path publicConfigPath;

    @Option(names = "--private-config-path", required = true)
    Path privateConfigPath;

    @Option(names = "--client-parameters-path", description = "YAML/JSON: transaction_size, batch_interval_ms.")
    Path clientParametersPath;

    @Option(names = "--node-parameters-path",
            description = "YAML/JSON: leader_timeout_ms, min_round_interval_ms, idle_round_interval_ms, "
                    + "max_block_transactions, max_frame_bytes, gc_depth_rounds, sync_retry_ms, "
                    + "max_pending_transactions, startup_wait_ms.")
    Path nodeParametersPath;

    @Option(names = "--consensus", required = true,
            description = "mysticeti, starfish, starfish-pull or cordial-miners.")
    String consensus;

    @Option(names = "--byzantine-strategy", defaultValue = "honest")
    String byzantineStrategy;

    @Option(names = "--load", defaultValue = "0", description = "Transactions per second this validator generates.")
    double load;

    @Option(names = "--mimic-extra-latency", description = "Delay messages by half the inter-region RTT.")
    boolean mimicExtraLatency;

    @Option(names = "--storage-path", description = "Where committed.log goes (default storage-<authority>).")
    Path storagePath;

    @Override
    public Integer call() throws Exception {
        try {
            return run();
        } catch (IllegalArgumentException | UnsupportedOperationException | ConfigException e) {
            System.err.println("node run: " + e.getMessage());
            return 2;
        } catch (CorruptLogException e) {
            System.err.println("node run: " + e.getMessage());
            return 1;
        }
    }

    private int run() throws Exception {
        Committee committee = ConfigFiles.readCommittee(committeePath, publicConfigPath);
        if (!committee.isValidIndex(authority)) {
            throw new IllegalArgumentException("--authority " + authority + " is not in the committee of "
                    + committee.size() + " (" + committeePath + ")");
        }
        PrometheusRegistry registry = new PrometheusRegistry();
        JvmMetricsSelection.register(registry);
        ValidatorConfig config = new ValidatorConfig(committee, authority,
                ConfigFiles.readSigningKey(privateConfigPath, authority),
                ConfigFiles.readNodeParameters(nodeParametersPath),
                ConfigFiles.readClientParameters(clientParametersPath),
                Consensus.fromCliName(consensus), ByzantineStrategy.fromCliName(byzantineStrategy), load,
                mimicExtraLatency, storagePath != null ? storagePath : Path.of("storage-" + authority),
                ListenAddress.forHost(committee.authority(authority).host()), registry);
        HTTPServer metricsServer = HTTPServer.builder().inetAddress(config.bindAddress())
                .port(committee.authority(authority).metricsPort()).registry(registry).buildAndStart();
        Validator validator;
        try {
            validator = Validator.start(config);
        } catch (RuntimeException | IOException e) {
            metricsServer.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down validator {}", authority);
            try {
                validator.close();
            } catch (Exception e) {
                LOG.warn("shutdown was not clean: {}", e.getMessage());
            }
            metricsServer.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }
}
