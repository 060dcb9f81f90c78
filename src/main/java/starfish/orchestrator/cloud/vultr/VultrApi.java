package starfish.orchestrator.cloud.vultr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import starfish.orchestrator.cloud.KnownSecrets;
import starfish.orchestrator.http.HttpExchange;

/**
 * The Vultr API v2 over the orchestrator's HTTP client: bearer authentication, JSON in and out, cursor pagination (`meta.links.next`),
 * retries of HTTP 429 (after Retry-After when given) and error bodies (`{"error": ..., "status": ...}`) turned into
 * messages that never carry the token.
 */
final class VultrApi {
    static final String DEFAULT_URL = "https://api.vultr.com/v2";
    static final int PAGE_SIZE = 100;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofMinutes(1);

    private final String base;
    private final String token;
    private final KnownSecrets redactor;
    private final VultrTuning tuning;
    private final ObjectMapper json = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    VultrApi(String baseUrl, String token, VultrTuning tuning) {
        if (!baseUrl.matches("(?i)https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
            throw new IllegalArgumentException("vultr_api_url '" + baseUrl + "' is not an http(s) URL");
        }
        this.base = baseUrl.replaceFirst("/+$", "");
        this.token = token;
        this.redactor = new KnownSecrets(List.of(token));
        this.tuning = tuning;
    }

    /** Every item of a paginated list (`field` holds the page's items), following `meta.links.next` cursors. */
    <T> List<T> list(String path, Map<String, String> query, String field, Class<T> type) {
        List<T> items = new ArrayList<>();
        String cursor = "";
        do {
            Map<String, String> pageQuery = new LinkedHashMap<>(query);
            pageQuery.put("per_page", Integer.toString(PAGE_SIZE));
            if (!cursor.isEmpty()) {
                pageQuery.put("cursor", cursor);
            }
            JsonNode page = send("GET", path, pageQuery, Optional.empty());
            for (JsonNode item : page.path(field)) {
                items.add(convert(item, type));
            }
            cursor = page.path("meta").path("links").path("next").asText("");
        } while (!cursor.isEmpty());
        return items;
    }

    /** POSTs `body` as JSON; returns the object under `field` of the answer, if the answer has one. */
    <T> Optional<T> post(String path, Object body, String field, Class<T> type) {
        JsonNode answer = send("POST", path, Map.of(), Optional.of(write(body)));
        return answer.has(field) ? Optional.of(convert(answer.get(field), type)) : Optional.empty();
    }

    void post(String path, Object body) {
        send("POST", path, Map.of(), Optional.of(write(body)));
    }

    void patch(String path, Object body) {
        send("PATCH", path, Map.of(), Optional.of(write(body)));
    }

    void delete(String path) {
        send("DELETE", path, Map.of(), Optional.empty());
    }

    private JsonNode send(String method, String path, Map<String, String> query, Optional<byte[]> body) {
        String target = "/" + path.replaceFirst("^/", "") + (query.isEmpty() ? "" : query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&", "?", "")));
        URI url = URI.create(base + target);
        String call = method + " " + url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        Map<String, String> headers = Map.of("Authorization", "Bearer " + token, "Accept", "application/json");
        for (int attempt = 1; ; attempt++) {
            try {
                HttpExchange.Answer answer = HttpExchange.send(method, url, headers, body, TIMEOUT);
                if (answer.status() == 429 && attempt < tuning.maxAttempts()) {
                    tuning.pause(retryDelay(answer.retryAfter().orElse(null), attempt));
                    continue;
                }
                String text = answer.text();
                if (!answer.isOk()) {
                    throw new VultrApiException(failure(call, answer.status(), text), answer.status(), null);
                }
                return text.isBlank() ? json.missingNode() : json.readTree(text);
            } catch (IOException e) {
                throw new VultrApiException("Vultr API " + call + " failed: " + redactor.redact(e.getMessage()), 0, null);
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Duration retryDelay(String retryAfter, int attempt) {
        if (retryAfter != null && retryAfter.trim().matches("\\d+")) {
            Duration asked = Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
            return asked.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : asked;
        }
        return tuning.retryBaseDelay().multipliedBy(1L << Math.min(attempt - 1, 10));
    }

    private String failure(String call, int status, String body) {
        String reason = body;
        try {
            JsonNode error = json.readTree(body);
            if (error != null && error.hasNonNull("error")) {
                reason = error.get("error").asText();
            }
        } catch (JsonProcessingException notJson) {
            // keep the raw text; a proxy or an outage page may answer in HTML
        }
        String hint = switch (status) {
            case 401 -> " (the token in token_file was refused: check it, and that the API access control list of the "
                    + "Vultr account admits this machine's address)";
            case 429 -> " (still rate limited after " + tuning.maxAttempts() + " attempts)";
            default -> "";
        };
        return "Vultr API " + call + " answered HTTP " + status + ": " + redactor.redact(abbreviate(reason)) + hint;
    }

    private static String abbreviate(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }

    private byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a Vultr request body", e);
        }
    }

    private <T> T convert(JsonNode node, Class<T> type) {
        return json.convertValue(node, type);
    }
}
