package io.voidvm.vm.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for storage-service's internal volume API (and Keycloak's token endpoint) on 127.0.0.1, one per
 * JVM so all ITs share one Spring context. It makes volumes like storage-service: the same tenant, name and VM
 * again answers the same volume. Per tenant, a test can have it put volumes on a node, refuse with a problem,
 * or be down; deletions can fail for a while.
 */
final class StorageStandIn {

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(?:\"([^\"]*)\"|(\\d+))");
    private static final StorageStandIn INSTANCE = new StorageStandIn();

    record Made(UUID id, String tenantId, String name, int sizeGb, UUID imageId, UUID vmId, String nodeName) {
    }

    private record Refusal(int status, String body) {
    }

    private final HttpServer server;
    private final Map<String, Made> volumes = new ConcurrentHashMap<>();
    private final Map<String, String> nodes = new ConcurrentHashMap<>();
    private final Map<String, Refusal> refusals = new ConcurrentHashMap<>();
    private final Set<UUID> failingDeletes = ConcurrentHashMap.newKeySet();
    private final List<UUID> deleted = new CopyOnWriteArrayList<>();
    private final List<String> tokens = new CopyOnWriteArrayList<>();

    private StorageStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/token", exchange -> respond(exchange, 200,
                "{\"access_token\":\"platform-token\",\"token_type\":\"Bearer\",\"expires_in\":300}"));
        server.createContext("/internal/v1/volumes", this::volumes);
        server.start();
    }

    static StorageStandIn get() {
        return INSTANCE;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Volumes for this tenant land in a pool on {@code node}. */
    void poolOn(String tenant, String node) {
        nodes.put(tenant, node);
    }

    void refuse(String tenant, int status, String problemJson) {
        refusals.put(tenant, new Refusal(status, problemJson));
    }

    void deletesFail(UUID volume, boolean failing) {
        if (failing) {
            failingDeletes.add(volume);
        } else {
            failingDeletes.remove(volume);
        }
    }

    List<Made> madeFor(String tenant) {
        return volumes.values().stream().filter(made -> made.tenantId().equals(tenant)).toList();
    }

    List<UUID> deleted() {
        return List.copyOf(deleted);
    }

    boolean sawOnlyPlatformTokens() {
        return !tokens.isEmpty() && tokens.stream().allMatch("Bearer platform-token"::equals);
    }

    private void volumes(HttpExchange exchange) throws IOException {
        tokens.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        String path = exchange.getRequestURI().getPath();
        if ("DELETE".equals(exchange.getRequestMethod())) {
            UUID id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
            if (failingDeletes.contains(id)) {
                respond(exchange, 503, "{\"code\":\"service-unavailable\"}");
            } else if (volumes.values().stream().noneMatch(made -> made.id().equals(id))) {
                respond(exchange, 404, "{\"code\":\"not-found\"}");
            } else {
                deleted.add(id);
                respond(exchange, 202, "{\"id\":\"" + id + "\",\"status\":\"DELETING\"}");
            }
            return;
        }
        Map<String, String> body = fields(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8));
        String tenant = body.get("tenantId");
        Refusal refusal = refusals.get(tenant);
        if (refusal != null) {
            respond(exchange, refusal.status(), refusal.body());
            return;
        }
        String key = tenant + "/" + body.get("name") + "/" + body.get("vmId");
        Made made = volumes.computeIfAbsent(key, k -> new Made(UUID.randomUUID(), tenant, body.get("name"),
                Integer.parseInt(body.get("sizeGb")), UUID.fromString(body.get("imageId")),
                UUID.fromString(body.get("vmId")), nodes.getOrDefault(tenant, "nowhere")));
        respond(exchange, 201, "{\"id\":\"" + made.id() + "\",\"poolId\":\"" + UUID.randomUUID() + "\",\"tenantId\":\""
                + tenant + "\",\"name\":\"" + made.name() + "\",\"sizeGb\":" + made.sizeGb()
                + ",\"status\":\"PENDING\",\"ownerVmId\":\"" + made.vmId() + "\",\"poolPath\":\"default\","
                + "\"nodeName\":\"" + made.nodeName() + "\"}");
    }

    private static Map<String, String> fields(String json) {
        Map<String, String> fields = new ConcurrentHashMap<>();
        Matcher matcher = FIELD.matcher(json);
        while (matcher.find()) {
            fields.put(matcher.group(1), matcher.group(2) != null ? matcher.group(2) : matcher.group(3));
        }
        return fields;
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json"
                : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
