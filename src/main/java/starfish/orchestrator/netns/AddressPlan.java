package starfish.orchestrator.netns;

/**
 * Addresses of one testbed inside 198.18.0.0/15 (RFC 2544, for benchmarks). Each testbed takes a slot, a /20 of
 * 198.18.0.0/16 for public addresses and the matching /20 of 198.19.0.0/16 for internal ones; the third octet
 * holds the region index and the fourth the host's index in its region:
 * public 198.18.(16*slot + region).(host + 1), internal 198.19.(16*slot + region).(host + 1),
 * and the root namespace's gateway on the bridge is 198.18.(16*slot + 15).254.
 */
record AddressPlan(int slot) {
    static final int SLOTS = 16;
    static final int MAX_REGIONS = 15;
    static final int MAX_HOSTS_PER_REGION = 253;
    static final int PREFIX_LENGTH = 20;

    AddressPlan {
        if (slot < 0 || slot >= SLOTS) {
            throw new IllegalArgumentException("address slot must be in [0, " + SLOTS + "), was " + slot);
        }
    }

    String publicIp(int region, int host) {
        return address(18, region, host);
    }

    String internalIp(int region, int host) {
        return address(19, region, host);
    }

    String gateway() {
        return "198.18." + (16 * slot + 15) + ".254";
    }

    /** The slot whose gateway is `address`, or -1 when `address` is no testbed gateway. */
    static int slotOfGateway(String address) {
        String[] octets = address.split("\\.");
        if (octets.length != 4 || !octets[0].equals("198") || !octets[1].equals("18") || !octets[3].equals("254")) {
            return -1;
        }
        int third = Integer.parseInt(octets[2]);
        return third % 16 == 15 ? third / 16 : -1;
    }

    private String address(int second, int region, int host) {
        if (region < 0 || region >= MAX_REGIONS) {
            throw new NetnsException("a netns testbed has at most " + MAX_REGIONS + " regions");
        }
        if (host < 0 || host >= MAX_HOSTS_PER_REGION) {
            throw new NetnsException("a netns region holds at most " + MAX_HOSTS_PER_REGION + " hosts");
        }
        return "198." + second + "." + (16 * slot + region) + "." + (host + 1);
    }
}
