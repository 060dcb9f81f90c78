package starfish.orchestrator.cloud;

import java.time.Duration;

/**
 * A cloud instance's own guard against an orchestrator that dies before it destroys the testbed: every command the
 * orchestrator runs on the instance first (re)schedules a power-off `instance_lifetime` from now, so an instance
 * nobody talks to any more switches itself off. On AWS instances are launched to terminate when they power off;
 * a Vultr instance stays halted (and billed) until `testbed destroy`, but no longer exposes or runs anything.
 */
public final class DeadManSwitch {

    private DeadManSwitch() {
    }

    /**
     * The shell line that renews the switch: `shutdown -P +minutes` replaces any power-off scheduled before. It never
     * fails the command it precedes and prints nothing (a host without sudo or systemd simply has no switch).
     */
    public static String renewal(Duration lifetime) {
        long minutes = Math.max(1, (lifetime.toSeconds() + 59) / 60);
        String shutdown = "shutdown --no-wall -P +" + minutes;
        return "{ if [ \"$(id -u)\" = 0 ]; then " + shutdown + "; else sudo -n " + shutdown + "; fi; } > /dev/null 2>&1"
                + " || true";
    }
}
