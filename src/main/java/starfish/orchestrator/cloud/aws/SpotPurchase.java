package starfish.orchestrator.cloud.aws;

import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.InstanceInterruptionBehavior;
import software.amazon.awssdk.services.ec2.model.MarketType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.SpotInstanceType;
import starfish.orchestrator.settings.SpotPolicy;

/**
 * How `spot` buys instances: on demand; as one-time spot instances that terminate when reclaimed (a benchmark is
 * simply run again); or mixed, spot first and on demand when EC2 has no spot capacity for the request.
 */
final class SpotPurchase {
    private static final Logger LOG = LoggerFactory.getLogger(SpotPurchase.class);
    /** EC2's answers when spot capacity or quota cannot serve a request; anything else is a real failure. */
    private static final Set<String> NO_SPOT_CAPACITY = Set.of("InsufficientInstanceCapacity",
            "InsufficientCapacity", "SpotMaxPriceTooLow", "MaxSpotInstanceCountExceeded",
            "InsufficientInstanceCapacityException");

    private SpotPurchase() {
    }

    /** `launch` runs the request with the market options it is given applied to it. */
    static <T> T launch(SpotPolicy policy, Function<Consumer<RunInstancesRequest.Builder>, T> launch) {
        return switch (policy) {
            case ON_DEMAND -> launch.apply(onDemand());
            case SPOT -> launch.apply(spot());
            case MIXED -> {
                try {
                    yield launch.apply(spot());
                } catch (Ec2Exception e) {
                    String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
                    if (!NO_SPOT_CAPACITY.contains(code)) {
                        throw e;
                    }
                    LOG.warn("no spot capacity ({}); launching on demand instead", code);
                    yield launch.apply(onDemand());
                }
            }
        };
    }

    private static Consumer<RunInstancesRequest.Builder> onDemand() {
        return request -> { };
    }

    private static Consumer<RunInstancesRequest.Builder> spot() {
        return request -> request.instanceMarketOptions(market -> market.marketType(MarketType.SPOT)
                .spotOptions(options -> options.spotInstanceType(SpotInstanceType.ONE_TIME)
                        .instanceInterruptionBehavior(InstanceInterruptionBehavior.TERMINATE)));
    }
}
