package starfish.orchestrator.cloud.aws;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;

/**
 * SDK knobs that tests shorten: the clients' retry strategy and the waiters' delays. Production uses the SDK's
 * defaults (standard retries; the instance waiters poll every 15 s, 40 times).
 */
public record AwsTuning(ClientOverrideConfiguration client, WaiterOverrideConfiguration waiter) {

    public static AwsTuning defaults() {
        return new AwsTuning(ClientOverrideConfiguration.builder().build(), WaiterOverrideConfiguration.builder().build());
    }
}
