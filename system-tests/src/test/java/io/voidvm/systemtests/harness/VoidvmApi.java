package io.voidvm.systemtests.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public REST API (of vm-service, or of the platform through the gateway) as a client sees it: plain HTTP with a bearer token, JSON in and out, no
 * classes of the service. Every call returns status, body and headers; what to expect is the caller's business.
 */
public final class VoidvmApi {

    /** One answer; {@code body} is an empty object node when the response had no JSON body. */
    public record Response(int status, JsonNode body, HttpHeaders headers, String method, String path) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The answer itself, or an AssertionError that quotes it when the status is not {@code expected}. */
        public Response expect(int expected) {
            if (status != expected) {
                throw new AssertionError(method + " " + path + ": expected HTTP " + expected + ", got " + status
                        + ": " + body);
            }
            return this;
        }

        public UUID id() {
            return UUID.fromString(body.path("id").asString());
        }

        public String text(String field) {
            JsonNode value = body.path(field);
            return value.isMissingNode() || value.isNull() ? null : value.asString();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final Supplier<String> token;
    private final HttpClient http;

    public VoidvmApi(String baseUrl, Supplier<String> token) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.token = Objects.requireNonNull(token, "token");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** {@code POST /api/v1/vms}: 1 vCPU and the given memory, booting the node's test disk. */
    public Response createVm(String name, long memoryMb) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", "system test guest");
        body.put("cpuCores", 1);
        body.put("memoryMb", memoryMb);
        body.put("diskSizeGb", 1);
        body.put("osType", "OTHER");
        return send("POST", "/api/v1/vms", JSON.writeValueAsString(body));
    }

    /** {@code POST /api/v1/vms/{id}/<action>}, e.g. {@code "start"} or {@code "stop?force=true"}. */
    public Response act(UUID vmId, String action) {
        return send("POST", "/api/v1/vms/" + vmId + "/" + action, null);
    }

    public Response vm(UUID vmId) {
        return send("GET", "/api/v1/vms/" + vmId, null);
    }

    /** {@code GET /api/v1/vms?<query>}, e.g. {@code status=RUNNING&limit=100}. */
    public Response listVms(String query) {
        return send("GET", "/api/v1/vms?" + query, null);
    }

    public Response delete(UUID vmId) {
        return send("DELETE", "/api/v1/vms/" + vmId, null);
    }

    public Response operation(UUID operationId) {
        return send("GET", "/api/v1/operations/" + operationId, null);
    }

    /** The VM's operation log, newest first. */
    public Response logs(UUID vmId, int limit) {
        return send("GET", "/api/v1/vms/" + vmId + "/logs?limit=" + limit, null);
    }

    /** Any call: {@code json} is the request body or null. */
    public Response call(String method, String path, String json) {
        return send(method, path, json);
    }

    /** A call with a body of another media type (e.g. an image's bytes as application/octet-stream). */
    public Response call(String method, String path, String contentType, byte[] body) {
        return send(method, path, contentType, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /** The same calls without any credentials. */
    public static VoidvmApi anonymous(String baseUrl) {
        return new VoidvmApi(baseUrl, () -> null);
    }

    private Response send(String method, String path, String json) {
        return json == null ? send(method, path, null, HttpRequest.BodyPublishers.noBody())
                : send(method, path, "application/json", HttpRequest.BodyPublishers.ofString(json));
    }

    private Response send(String method, String path, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        String bearer = token.get();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
        return new Response(response.statusCode(), parse(response.body()), response.headers(), method, path);
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return JSON.createObjectNode().put("unparsedBody", body);
        }
    }
}
