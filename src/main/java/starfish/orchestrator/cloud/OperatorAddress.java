package starfish.orchestrator.cloud;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import starfish.orchestrator.http.HttpExchange;

/**
 * The operator's address as an IPv4 CIDR: the only source a cloud testbed's firewall admits for SSH, Grafana,
 * Prometheus and the validators' metrics. Anything broader than a /24 (and so 0.0.0.0/0) is refused, so a testbed
 * is never opened to more than one small network.
 */
public record OperatorAddress(String cidr) {
    /** Set this environment variable to the operator's address or range when detection is not wanted. */
    public static final String ENVIRONMENT_VARIABLE = "STARFISH_OPERATOR_CIDR";
    static final String DETECTION_URL = "https://checkip.amazonaws.com";
    private static final Duration DETECTION_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?:/(\\d{1,2}))?");
    private static final int WIDEST_ALLOWED_PREFIX = 24;

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
        if (prefix < WIDEST_ALLOWED_PREFIX || prefix > 32) {
            throw new IllegalArgumentException("operator address '" + cidr + "' would open SSH, Grafana, Prometheus and "
                    + "the metrics ports to too many hosts; set " + ENVIRONMENT_VARIABLE + " to the operator's own address "
                    + "(a /" + WIDEST_ALLOWED_PREFIX + " to /32)");
        }
        cidr = m.group(1) + "." + m.group(2) + "." + m.group(3) + "." + m.group(4) + "/" + prefix;
    }

    /** The address part of the CIDR (`198.51.100.0` of `198.51.100.0/24`). */
    public String network() {
        return cidr.substring(0, cidr.indexOf('/'));
    }

    /** The prefix length of the CIDR (`24` of `198.51.100.0/24`). */
    public int prefixLength() {
        return Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
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
