package starfish.orchestrator.netns;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import starfish.orchestrator.settings.TestbedId;

/**
 * Names of one testbed's kernel objects. Namespaces carry the testbed id (`sf-<id>-<n>`); links are limited to 15
 * characters, so they carry a short digest of the id instead (`sf<hash>br`, `sf<hash>v<n>`).
 */
record NetnsNaming(String testbedId, String linkPrefix) {
    static final int MAX_LINK_INDEX = 999;

    static NetnsNaming of(String testbedId) {
        if (!TestbedId.isValid(testbedId)) {
            throw new NetnsException("testbed_id `" + testbedId + "` cannot name network namespaces: it " + TestbedId.RULE);
        }
        return new NetnsNaming(testbedId, "sf" + digest(testbedId));
    }

    String namespace(int index) {
        return "sf-" + testbedId + "-" + index;
    }

    /** Whether `namespace` is one of this testbed's (and not one of a testbed whose id merely starts alike). */
    boolean ownsNamespace(String namespace) {
        String prefix = "sf-" + testbedId + "-";
        return namespace.startsWith(prefix) && namespace.substring(prefix.length()).matches("\\d+");
    }

    String bridge() {
        return linkPrefix + "br";
    }

    String hostLink(int index) {
        if (index < 0 || index > MAX_LINK_INDEX) {
            throw new NetnsException("a netns testbed holds at most " + (MAX_LINK_INDEX + 1) + " hosts");
        }
        return linkPrefix + "v" + index;
    }

    boolean ownsLink(String link) {
        return link.equals(bridge()) || link.matches(Pattern.quote(linkPrefix) + "v\\d+");
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
