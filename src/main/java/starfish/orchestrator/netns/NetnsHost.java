package starfish.orchestrator.netns;

/** One host of a netns testbed as recorded in the state file: where it sits and how it is reached. */
record NetnsHost(String namespace, String link, String region, int regionIndex, int hostIndex, int linkIndex,
        String publicIp, String internalIp) {
}
