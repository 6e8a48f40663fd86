package io.voidvm.nodeagent.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.voidvm.nodeagent.runtime.domain.VmRecord;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * vm-service's desired-state endpoint ({@code GET /internal/v1/nodes/{node}/desired-state}) and a token endpoint
 * on 127.0.0.1, for agent tests: answers with the VMs a test put, only to the bearer token it issued, or fails
 * every fetch with 503 while told to.
 */
public final class FakeVmService implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOKEN = "vm-service-it-" + UUID.randomUUID();

    private final HttpServer server;
    private final Map<UUID, VmRecord> desired = new ConcurrentHashMap<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile boolean down;

    public FakeVmService() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/token", exchange -> send(exchange, 200,
                "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":300}"));
        server.createContext("/internal/v1/nodes/", this::desiredState);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String tokenUrl() {
        return baseUrl() + "/token";
    }

    /** Lists {@code record} in every node's desired state from now on (replacing an earlier one of the VM). */
    public void put(VmRecord record) {
        desired.put(record.vmId(), record);
    }

    /** While down, every fetch is answered 503. */
    public void down(boolean down) {
        this.down = down;
    }

    /** Fetches answered so far, failed ones included. */
    public int fetches() {
        return fetches.get();
    }

    private void desiredState(HttpExchange exchange) throws IOException {
        fetches.incrementAndGet();
        String[] path = exchange.getRequestURI().getPath().split("/");
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "");
            return;
        }
        if (down || path.length != 6 || !"desired-state".equals(path[5])) {
            send(exchange, down ? 503 : 404, "");
            return;
        }
        List<Map<String, Object>> vms = desired.values().stream().map(FakeVmService::view).toList();
        send(exchange, 200, JSON.writeValueAsString(Map.of("nodeName", path[4], "vms", vms)));
    }

    private static Map<String, Object> view(VmRecord record) {
        Map<String, Object> vm = new LinkedHashMap<>();
        vm.put("vmId", record.vmId());
        vm.put("tenantId", record.tenantId());
        vm.put("spec", record.spec());
        vm.put("desiredPower", record.desired().name());
        vm.put("generation", record.generation());
        return vm;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
