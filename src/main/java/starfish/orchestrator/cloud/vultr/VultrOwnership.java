package starfish.orchestrator.cloud.vultr;

import java.util.List;
import java.util.regex.Pattern;
import starfish.orchestrator.cloud.OwnerToken;

/**
 * How a Vultr testbed marks what it owns. Vultr tags are plain strings, so the tag key is a prefix: instances carry
 * `starfish:testbed=<id>` and `starfish:owner=<token>`; the SSH key is named `<id>-<short token>`; the firewall
 * group, which has only a description, describes itself with both tags. `sweepAll` also takes other owners'
 * resources of the same testbed id (`testbed destroy --force`).
 */
record VultrOwnership(String testbedId, OwnerToken owner, boolean sweepAll) {
    static final String TESTBED_TAG_PREFIX = "starfish:testbed=";

    String testbedTag() {
        return TESTBED_TAG_PREFIX + testbedId;
    }

    String ownerTag() {
        return OwnerToken.TAG_KEY + "=" + owner.value();
    }

    List<String> instanceTags() {
        return List.of(testbedTag(), ownerTag());
    }

    boolean owns(VultrInstance instance) {
        return instance.taggedWith(testbedTag()) && (sweepAll || instance.taggedWith(ownerTag()));
    }

    String sshKeyName() {
        return testbedId + "-" + owner.shortForm();
    }

    boolean ownsSshKey(VultrSshKey key) {
        return sweepAll ? key.name() != null && key.name().matches(Pattern.quote(testbedId) + "-[0-9a-f]{8}")
                : sshKeyName().equals(key.name());
    }

    String firewallDescription() {
        return testbedTag() + " " + ownerTag();
    }

    boolean ownsFirewall(VultrFirewallGroup group) {
        return group.description() != null && (sweepAll ? group.description().startsWith(testbedTag() + " ")
                : firewallDescription().equals(group.description()));
    }

    VultrOwnership sweepingAll(boolean all) {
        return new VultrOwnership(testbedId, owner, all);
    }
}
