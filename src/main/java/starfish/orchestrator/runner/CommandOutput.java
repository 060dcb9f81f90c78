package starfish.orchestrator.runner;

/** What a finished command printed and how it exited. */
public record CommandOutput(String stdout, String stderr, int exitCode) {
}
