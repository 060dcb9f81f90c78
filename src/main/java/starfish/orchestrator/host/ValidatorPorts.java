package starfish.orchestrator.host;

/**
 * The ports validators use on hosts with a port space of their own (netns and cloud hosts): consensus ports end
 * just below {@link #FIRST_METRICS} and metrics ports start at it, whatever the committee's size, so that a
 * firewall can admit the two ranges to different sources (consensus only between the testbed's hosts, metrics
 * also from the operator). The validator's layout (authority i on base + i, its metrics on base + n + i) gives
 * exactly that with base = FIRST_METRICS - n.
 */
public final class ValidatorPorts {
    public static final int FIRST_CONSENSUS = 26_000;
    public static final int FIRST_METRICS = 27_000;
    public static final int LAST_METRICS = 27_999;
    /** The largest committee the two ranges hold. */
    public static final int MAX_COMMITTEE = FIRST_METRICS - FIRST_CONSENSUS;

    private ValidatorPorts() {
    }

    /** The base port of a committee of `committee` validators: its metrics ports start at FIRST_METRICS. */
    public static int basePort(int committee) {
        if (committee < 1 || committee > MAX_COMMITTEE) {
            throw new IllegalArgumentException("a committee of " + committee + " does not fit the validator ports "
                    + FIRST_CONSENSUS + "-" + LAST_METRICS + " (at most " + MAX_COMMITTEE + " validators)");
        }
        return FIRST_METRICS - committee;
    }
}
