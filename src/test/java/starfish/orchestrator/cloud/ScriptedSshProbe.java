package starfish.orchestrator.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import starfish.orchestrator.runner.CommandRunner;
import starfish.orchestrator.host.Instance;

/**
 * Stands in for logging into new cloud instances, which tests cannot reach: each instance refuses its first
 * `refusals` checks and answers the next ones. Records every check.
 */
public final class ScriptedSshProbe implements SshReadiness.Probe {
    /** How many checks a deploy makes of an instance before it gives up. */
    public static final int ATTEMPTS = 3;

    private final int refusals;
    private final List<String> checked = Collections.synchronizedList(new ArrayList<>());

    private ScriptedSshProbe(int refusals) {
        this.refusals = refusals;
    }

    public static ScriptedSshProbe answering() {
        return new ScriptedSshProbe(0);
    }

    public static ScriptedSshProbe refusingFirst(int refusals) {
        return new ScriptedSshProbe(refusals);
    }

    public static ScriptedSshProbe neverAnswering() {
        return new ScriptedSshProbe(Integer.MAX_VALUE);
    }

    /** Checks with this probe, ATTEMPTS times at most, without pausing in between. */
    public SshReadiness readiness() {
        return new SshReadiness(this, ATTEMPTS, Duration.ZERO);
    }

    /** The ids of the instances checked, once per check. */
    public List<String> checked() {
        synchronized (checked) {
            return List.copyOf(checked);
        }
    }

    /** Every deployed instance was checked until it answered: refused `refusals` times, then once more. */
    public void assertCheckedUntilAnswered(List<Instance> deployed) {
        List<String> expected = new ArrayList<>();
        deployed.forEach(instance -> expected.addAll(Collections.nCopies(refusals + 1, instance.id())));
        assertThat(checked()).containsExactlyElementsOf(expected);
    }

    /** `deploy`, against instances that never answer, fails naming the SSH user and rolls everything back. */
    public void assertDeployGivesUpAndRollsBack(ThrowingCallable deploy, String user) {
        assertThatThrownBy(deploy).isInstanceOf(DeployFailedException.class)
                .hasMessageContaining("did not answer SSH as " + user + " after " + ATTEMPTS + " attempts")
                .hasMessageContaining("refused")
                .hasMessageContaining("everything the deploy created was removed");
        assertThat(checked()).hasSize(ATTEMPTS);
    }

    @Override
    public void check(CommandRunner runner, Instance instance) {
        checked.add(instance.id());
        if (checked().stream().filter(instance.id()::equals).count() <= refusals) {
            throw new IllegalStateException("connection to " + instance.publicIp() + ":22 refused");
        }
    }
}
