package cn.foi.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Calls the system's HTTP API as a client would: HTTP Basic, JSON in and out. For tests and the benchmark.
 */
public final class FoiApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final String baseUrl;
    private final String authorization;

    private FoiApi(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    public static FoiApi anonymous(String baseUrl) {
        return new FoiApi(baseUrl, null);
    }

    public FoiApi as(String username, String password) {
        return new FoiApi(baseUrl, "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public FoiApi at(String otherBaseUrl) {
        return new FoiApi(otherBaseUrl, authorization);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** A response: status, content type and the body as JSON (null when it is not JSON). */
    public record Response(int status, String contentType, String body, Map<String, java.util.List<String>> headers) {

        public JsonNode json() {
            try {
                return body == null || body.isBlank() ? null : JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        public Response expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + body);
            }
            return this;
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, Object body) {
        try {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            return postRaw(path, text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Response put(String path, Object body) {
        try {
            return send(request(path).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Response patch(String path, Object body) {
        try {
            return raw("PATCH", path, JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Response postRaw(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /**
     * Any method with a body sent byte for byte as given (malformed JSON, no body at all when {@code body} is null),
     * for tests of what the API refuses.
     */
    public Response raw(String method, String path, String body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        return send(request(path).header("Content-Type", "application/json").method(method, publisher));
    }

    /** Uploads a file as {@code multipart/form-data}, in the part named {@code file}, as a browser form does. */
    public Response upload(String path, String filename, byte[] content) {
        return upload(path, filename, content, Map.of());
    }

    /** Uploads a file as {@link #upload(String, String, byte[])} does, with more text fields before it (a kind). */
    public Response upload(String path, String filename, byte[] content, Map<String, String> fields) {
        String boundary = "----foi" + Long.toHexString(System.nanoTime());
        StringBuilder parts = new StringBuilder();
        fields.forEach((name, value) -> parts.append("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        byte[] head = (parts + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send(request(path).timeout(Duration.ofMinutes(10))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Uploads a file as {@link #upload} does and takes the answer as bytes: a file the server made from it. */
    public Download uploadForDownload(String path, String filename, byte[] content) {
        String boundary = "----foi" + Long.toHexString(System.nanoTime());
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        try {
            HttpResponse<byte[]> response = HTTP.send(request(path).timeout(Duration.ofMinutes(10))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A download: the status and the body's bytes, for files such as an exported ledger. */
    public record Download(int status, String contentType, byte[] body) {

        public byte[] expectOk() {
            if (status != 200) {
                throw new AssertionError("expected HTTP 200 but got " + status + ": "
                        + new String(body, StandardCharsets.UTF_8));
            }
            return body;
        }
    }

    public Download download(String path) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request(path).timeout(Duration.ofMinutes(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body(), response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code GET /api/projections/status} says every stored event reached every projection. */
    public void awaitCaughtUp(Duration timeout) {
        AtomicReference<Response> last = new AtomicReference<>();
        try {
            Awaitility.await("projections caught up").atMost(timeout).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        Response status = get("/api/projections/status");
                        last.set(status);
                        return status.status() == 200 && status.json().path("caughtUp").asBoolean();
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("projections did not catch up within " + timeout + ": "
                    + (last.get() == null ? "no answer" : last.get().body()), e);
        }
    }

    /**
     * Waits until the service is up ({@code GET /actuator/health} answers 200). The probe goes without credentials:
     * until the service is up, signing in is not promised to work (the query side may not have projected the accounts
     * yet), and every refused sign-in would count as a failure of the name (the sign-in throttle does not know it is a
     * test).
     */
    public void awaitUp(Duration timeout) {
        anonymous(baseUrl).awaitOk("/actuator/health", timeout);
    }

    /** Waits until {@code GET path} answers 200 to this client. */
    public void awaitOk(String path, Duration timeout) {
        try {
            Awaitility.await(path + " answers 200").atMost(timeout).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(200))
                    // the server is still starting
                    .ignoreException(IllegalStateException.class)
                    .until(() -> get(path).status() == 200);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(baseUrl + path + " did not answer 200 within " + timeout, e);
        }
    }
}
