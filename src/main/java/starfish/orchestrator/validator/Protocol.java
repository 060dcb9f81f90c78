package starfish.orchestrator.validator;

import java.nio.file.Path;
import java.util.List;
import starfish.orchestrator.settings.Repository;

/**
 * What the orchestrator needs to know about a codebase under benchmark: the shell commands that install, build,
 * configure and run it, and where it exposes metrics (those of starfish.protocol.ValidatorMetric) and its committed
 * sequence. Commands run in an instance's
 * working directory. Another validator implementation is another class, not a fork of the benchmark flow.
 */
public interface Protocol {

    /** Commands that prepare a fresh remote host (packages, toolchain). */
    List<String> installCommands();

    /** Commands that bring the codebase on a host to `repository.commit` and build it. */
    List<String> updateCommands(Repository repository);

    /** Where the built artifact lives on a host (also the target of an uploaded local build). */
    String artifactPath();

    /** This machine's build of the codebase, which --upload-local-build puts at artifactPath on every host. */
    LocalBuild localBuild();

    /** A build on this machine: the file, and the command that makes it (for the error when it is missing). */
    record LocalBuild(Path file, String buildCommand) {
    }

    /**
     * Writes the committee and fresh key files for validators at `ips` (index = authority) into the working
     * directory. It runs once per testbed; the orchestrator copies what it wrote.
     */
    String genesisCommand(List<String> ips, int basePort);

    /** The files `genesisCommand` writes that every host needs, relative to the working directory. */
    List<String> sharedGenesisFiles();

    /** The file `genesisCommand` writes with `authority`'s private key: only that validator's host receives it. */
    String privateKeyFile(int authority);

    /** Where settings' node_parameters_path is uploaded on a host; validators use it when it is there. */
    String nodeParametersPath();

    /** Where settings' client_parameters_path is uploaded on a host; validators use it when it is there. */
    String clientParametersPath();

    /** Starts validator `launch.authority()`; runs until stopped. */
    String runCommand(ValidatorLaunch launch);

    /** The port where `authority` serves Prometheus metrics. */
    int metricsPort(int authority, int committee, int basePort);

    /** The validator's committed sequence file, relative to the working directory. */
    String committedLogPath(int authority);

    /** What a previous run left behind (state, logs; not the configuration), removed before a run. */
    String cleanupCommand();

    /** Called once a run's validators stopped: the protocol may keep what they left for the next runs. */
    default void validatorsStopped() {
    }
}
