package starfish.orchestrator.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The orchestrator's one HTTP client, over the JDK's HttpURLConnection (the AWS SDK's url-connection-client uses it
 * too): validators' metrics pages, monitoring's health checks, the Vultr API, the address echo service. The JDK's
 * java.net.http client costs about 0.6 s of CPU to build, for the TLS context, at the start of every benchmark,
 * and an extra client library would only add to the jar.
 */
public final class HttpExchange {

    private HttpExchange() {
    }

    /** An answer: its status, its Retry-After header if any, and its whole body. */
    public record Answer(int status, Optional<String> retryAfter, byte[] body) {

        public boolean isOk() {
            return status >= 200 && status < 300;
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A GET without extra headers. */
    public static Answer get(URI url, Duration timeout) throws IOException {
        return send("GET", url, Map.of(), Optional.empty(), timeout);
    }

    /**
     * Sends one request and reads its answer to the end (error answers too), so that the connection is kept for the
     * next request to the same host. `body` is sent as JSON.
     */
    public static Answer send(String method, URI url, Map<String, String> headers, Optional<byte[]> body,
                              Duration timeout) throws IOException {
        if (method.equals("PATCH")) {
            return patch(url, headers, body, timeout);
        }
        HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
        int millis = (int) timeout.toMillis();
        connection.setConnectTimeout(millis);
        connection.setReadTimeout(millis);
        connection.setRequestMethod(method);
        headers.forEach(connection::setRequestProperty);
        if (body.isPresent()) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body.get());
            }
        }
        int status = connection.getResponseCode();
        InputStream stream = status < 400 ? connection.getInputStream() : connection.getErrorStream();
        byte[] answer;
        if (stream == null) {
            answer = new byte[0];
        } else {
            try (InputStream in = stream) {
                answer = in.readAllBytes();
            }
        }
        return new Answer(status, Optional.ofNullable(connection.getHeaderField("Retry-After")), answer);
    }

    /**
     * HttpURLConnection refuses PATCH, which the Vultr API needs to change an instance; the JDK's java.net.http client
     * (built only for such a call) sends it.
     */
    private static Answer patch(URI url, Map<String, String> headers, Optional<byte[]> body, Duration timeout)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body.orElse(new byte[0])))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> answer = HttpClient.newBuilder().connectTimeout(timeout).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(answer.statusCode(), answer.headers().firstValue("Retry-After"), answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending PATCH " + url.getRawPath(), e);
        }
    }
}
