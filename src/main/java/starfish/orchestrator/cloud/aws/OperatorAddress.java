package starfish.orchestrator.cloud.aws;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import starfish.orchestrator.http.HttpExchange;

/**
 * The operator's address as an IPv4 CIDR: the only source the security group admits for SSH and Grafana.
 * Anything broader than a /8 (and so 0.0.0.0/0) is refused, so a testbed is never opened to the whole internet.
 */
public record OperatorAddress(String cidr) {
    /** Set this environment variable to the operator's address or range when detection is not wanted. */
    public static final String ENVIRONMENT_VARIABLE = "STARFISH_OPERATOR_CIDR";
    static final String DETECTION_URL = "https://checkip.amazonaws.com";
    private static final Duration DETECTION_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?:/(\\d{1,2}))?");
    private static final int NARROWEST_ALLOWED_PREFIX = 8;

    public OperatorAddress {
        var m = IPV4.matcher(cidr);
        if (!m.matches()) {
            throw new IllegalArgumentException("operator address '" + cidr + "' is not an IPv4 address or CIDR");
        }
        for (int octet = 1; octet <= 4; octet++) {
            if (Integer.parseInt(m.group(octet)) > 255) {
                throw new IllegalArgumentException("operator address '" + cidr + "' has an octet above 255");
            }
        }
        int prefix = m.group(5) == null ? 32 : Integer.parseInt(m.group(5));
        if (prefix < NARROWEST_ALLOWED_PREFIX || prefix > 32) {
            throw new IllegalArgumentException("operator address '" + cidr + "' would open SSH and Grafana to too many "
                    + "hosts; give the operator's own address (a /" + NARROWEST_ALLOWED_PREFIX + " to /32)");
        }
        cidr = m.group(1) + "." + m.group(2) + "." + m.group(3) + "." + m.group(4) + "/" + prefix;
    }

    /** From $STARFISH_OPERATOR_CIDR when set, otherwise as seen by the public address echo service. */
    public static OperatorAddress fromEnvironmentOrDetect() {
        return Optional.ofNullable(System.getenv(ENVIRONMENT_VARIABLE)).filter(s -> !s.isBlank())
                .map(s -> new OperatorAddress(s.trim()))
                .orElseGet(() -> detect(DETECTION_URL));
    }

    /** Asks an echo service (which answers with the caller's address as plain text) for this machine's address. */
    public static OperatorAddress detect(String echoUrl) {
        try {
            HttpExchange.Answer answer = HttpExchange.get(URI.create(echoUrl), DETECTION_TIMEOUT);
            if (!answer.isOk()) {
                throw new IllegalStateException("cannot detect the operator's address: " + echoUrl + " answered HTTP "
                        + answer.status() + "; set " + ENVIRONMENT_VARIABLE + " instead");
            }
            return new OperatorAddress(answer.text().trim());
        } catch (IOException e) {
            throw new IllegalStateException("cannot detect the operator's address at " + echoUrl + " (" + e.getMessage()
                    + "); set " + ENVIRONMENT_VARIABLE + " instead", e);
        }
    }
}
