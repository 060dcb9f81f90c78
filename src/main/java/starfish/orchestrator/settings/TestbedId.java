package starfish.orchestrator.settings;

import java.util.regex.Pattern;

/**
 * What a testbed_id may be. It names cloud resources, network namespaces and directories on this machine (known
 * hosts, owner token, netns state), so it is one safe path component and fits every provider's name limits.
 */
public final class TestbedId {
    public static final String RULE = "must be 1 to 40 letters, digits, '-' or '_', starting with a letter or digit";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

    private TestbedId() {
    }

    public static boolean isValid(String id) {
        return VALID.matcher(id).matches();
    }
}
