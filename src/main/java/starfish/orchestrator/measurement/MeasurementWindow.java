package starfish.orchestrator.measurement;

/**
 * The stretch of a run its figures come from, in seconds since measuring began: from the first scrape after the
 * ramp-up (the first commit, then `rampFraction` of the committing span) to the last scrape before the ramp-down (the
 * same fraction before the end), over all honest validators. A validator whose trimmed window would hold fewer than
 * two scrapes is measured untrimmed, from its first commit to its last scrape.
 */
public record MeasurementWindow(double rampFraction, double startSeconds, double endSeconds) {
}
