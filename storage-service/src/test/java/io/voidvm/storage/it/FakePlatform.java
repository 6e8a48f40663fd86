package io.voidvm.storage.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays image-service, vm-service, auth-service and the token endpoint on 127.0.0.1, at the HTTP boundary only.
 * storage-service's ITs own PostgreSQL and Kafka for real; the other services are separate processes whose own
 * tests cover them, and the system tests run them all for real. Faking them here keeps these tests about
 * storage-service's rules (and lets a test make a VM sit on any node or an image have any status).
 * <p>
 * vm-service's fake reads the relayed bearer token as {@code tenant:<id>} (the ITs' mock JWTs carry that value)
 * and answers 404 for another tenant's VM, as the real one does.
 */
final class FakePlatform implements AutoCloseable {

    static final String PLATFORM_TOKEN = "platform-token";
    private static final Pattern IMAGE = Pattern.compile("/internal/v1/images/([0-9a-f-]{36})");
    private static final Pattern VM = Pattern.compile("/api/v1/vms/([0-9a-f-]{36})");
    private static final Pattern USAGE = Pattern.compile("/internal/v1/usage/([^/]+)");

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<UUID, Map<String, Object>> images = new ConcurrentHashMap<>();
    private final Map<UUID, Map<String, Object>> vms = new ConcurrentHashMap<>();
    private final java.util.Set<UUID> brokenImages = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> diskLimits = new ConcurrentHashMap<>();
    private final Map<String, Long> diskUsage = new ConcurrentHashMap<>();
    final List<String> tokenRequests = new CopyOnWriteArrayList<>();

    FakePlatform() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void image(UUID id, String tenantId, String visibility, String status, String sha256, String format,
               long virtualSizeBytes) {
        images.put(id, Map.of("id", id.toString(), "tenantId", tenantId, "visibility", visibility, "status", status,
                "sha256", sha256, "format", format, "virtualSizeBytes", virtualSizeBytes, "name", "img"));
    }

    /** image-service answers 500 for this image, as when its database is away. */
    void brokenImage(UUID id) {
        brokenImages.add(id);
    }

    void vm(UUID id, String tenantId, String nodeName) {
        vms.put(id, Map.of("id", id.toString(), "tenantId", tenantId, "nodeName", nodeName, "status", "RUNNING"));
    }

    void diskQuota(String tenantId, long limitGb) {
        diskLimits.put(tenantId, limitGb);
    }

    Long reportedDiskUsage(String tenantId) {
        return diskUsage.get(tenantId);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String method = exchange.getRequestMethod();
            Matcher match;
            if (path.equals("/token") && method.equals("POST")) {
                tokenRequests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                send(exchange, 200, Map.of("access_token", PLATFORM_TOKEN, "token_type", "Bearer", "expires_in", 300));
            } else if ((match = IMAGE.matcher(path)).matches()) {
                if (!("Bearer " + PLATFORM_TOKEN).equals(auth)) {
                    send(exchange, 401, Map.of("status", 401));
                    return;
                }
                if (brokenImages.contains(UUID.fromString(match.group(1)))) {
                    send(exchange, 500, Map.of("status", 500));
                    return;
                }
                Map<String, Object> image = images.get(UUID.fromString(match.group(1)));
                send(exchange, image == null ? 404 : 200, image == null ? Map.of("status", 404) : image);
            } else if ((match = VM.matcher(path)).matches()) {
                Map<String, Object> vm = vms.get(UUID.fromString(match.group(1)));
                boolean visible = vm != null && auth != null && auth.equals("Bearer tenant:" + vm.get("tenantId"));
                send(exchange, visible ? 200 : 404, visible ? vm : Map.of("status", 404));
            } else if (path.equals("/internal/v1/quota-checks") && ("Bearer " + PLATFORM_TOKEN).equals(auth)) {
                JsonNode body = json.readTree(exchange.getRequestBody());
                String tenant = body.get("tenantId").asString();
                long requested = body.get("requested").get("diskGb").asLong();
                long used = diskUsage.getOrDefault(tenant, 0L);
                long limit = diskLimits.getOrDefault(tenant, Long.MAX_VALUE / 2);
                if (used + requested > limit) {
                    send(exchange, 409, Map.of("status", 409, "code", "quota-exceeded", "quota", "diskGb",
                            "limit", limit, "used", used, "requested", requested));
                } else {
                    send(exchange, 200, Map.of("allowed", true));
                }
            } else if ((match = USAGE.matcher(path)).matches() && ("Bearer " + PLATFORM_TOKEN).equals(auth)) {
                JsonNode body = json.readTree(exchange.getRequestBody());
                diskUsage.put(match.group(1), body.get("diskGb").asLong());
                send(exchange, 200, Map.of());
            } else {
                send(exchange, 404, Map.of("status", 404));
            }
        }
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
