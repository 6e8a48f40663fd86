package io.voidvm.vm.it;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import io.voidvm.contracts.envelope.Envelopes;
import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.node.NodeHeartbeat;
import io.voidvm.contracts.node.NodeResources;
import io.voidvm.contracts.vm.event.VmEvent;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.contracts.vm.event.VmStatusChanged;
import io.voidvm.testsupport.junit.WithKafka;
import io.voidvm.testsupport.junit.WithPostgres;
import io.voidvm.vm.events.VmEventHandler;
import io.voidvm.vm.node.app.HeartbeatIntake;
import io.voidvm.vm.quota.app.FakeQuotaGate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of vm-service's integration tests: the whole service against the real PostgreSQL and Kafka from
 * test-support, annotated exactly like {@code VmApplicationIT} so every IT shares one Spring context.
 * Requests go through the real security chain with {@code mockJwt()} callers; every test works in tenants of
 * its own, so tests never see each other's VMs.
 */
@WithPostgres
@WithKafka
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(FakeQuotaGate.InContext.class)
@AutoConfigureWebTestClient
public abstract class VmServiceIT {

    @Autowired
    protected ApplicationContext context;

    @Autowired
    protected DatabaseClient db;

    @Autowired
    protected HeartbeatIntake heartbeats;

    @Autowired
    protected VmEventHandler events;

    @Autowired
    protected FakeQuotaGate quotas;

    protected final Envelopes envelopes = new Envelopes(Clock.systemUTC());

    private WebTestClient anonymous;

    /**
     * storage-service is a stand-in on 127.0.0.1 (one per JVM); boot-volume deletions and silent nodes are swept
     * quickly.
     */
    @DynamicPropertySource
    static void storageService(DynamicPropertyRegistry registry) {
        StorageStandIn storage = StorageStandIn.get();
        registry.add("voidvm.vm.storage.storage-service-url", storage::baseUrl);
        registry.add("voidvm.vm.storage.token-uri", () -> storage.baseUrl() + "/token");
        registry.add("voidvm.vm.storage.sweep-interval", () -> "200ms");
        registry.add("voidvm.vm.placement.node-check-interval", () -> "200ms");
    }

    @BeforeEach
    void bindClient() {
        anonymous = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build();
    }

    protected WebTestClient anonymous() {
        return anonymous;
    }

    /** A member (role user) of the tenant. */
    protected WebTestClient as(String tenant) {
        return anonymous.mutateWith(mockJwt()
                .jwt(jwt -> jwt.subject("user@" + tenant).claim("tenant", tenant).claim("roles", List.of("user")))
                .authorities(new SimpleGrantedAuthority("ROLE_user")));
    }

    /** A platform caller (role admin, no tenant), as node agents are. */
    protected WebTestClient asAdmin() {
        return anonymous.mutateWith(mockJwt()
                .jwt(jwt -> jwt.subject("platform").claim("roles", List.of("admin")))
                .authorities(new SimpleGrantedAuthority("ROLE_admin")));
    }

    protected static String newTenant() {
        return "t" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 8);
    }

    protected static String newNodeName() {
        return "node-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
    }

    /**
     * The only node, with ample room, so this test's VMs land on it: the nodes of earlier tests are removed (they
     * share the database, also with a test that has a context of its own). It stays READY through the test run:
     * its heartbeat (taken straight into the intake, as the heartbeat listener does) is dated an hour ahead, so no
     * test depends on how long it takes. Tests of liveness itself send their own heartbeats.
     */
    protected String givenNode() {
        noNodes();
        return givenAnotherNode();
    }

    /** One more node like {@link #givenNode()}, beside those the test already has. */
    protected String givenAnotherNode() {
        String node = newNodeName();
        heard(heartbeat(node, 4096, 4L * 1024 * 1024, Instant.now().plus(Duration.ofHours(1))));
        return node;
    }

    /** Takes a heartbeat as the listener would, and waits until it is stored. */
    protected void heard(NodeHeartbeat heartbeat) {
        heartbeats.accept(heartbeat).block();
    }

    protected static NodeHeartbeat heartbeat(String node, int vCpus, long memoryMb, Instant sentAt) {
        NodeResources resources = new NodeResources(vCpus, memoryMb, 10_000);
        return new NodeHeartbeat(node, resources, resources, false, "7.2.0", "test", false, List.of(), Map.of(),
                sentAt);
    }

    /** Removes every node vm-service knows, so nothing can be placed until a test adds one. */
    protected void noNodes() {
        db.sql("DELETE FROM nodes").then().block();
    }

    protected static Map<String, Object> vmBody(String name) {
        return Map.of("name", name, "description", "test VM", "cpuCores", 1, "memoryMb", 128, "diskSizeGb", 1,
                "osType", "LINUX");
    }

    /** Creates a VM and returns its view. */
    protected Map<String, Object> createVm(WebTestClient client, String name) {
        return json(client.post().uri("/api/v1/vms").contentType(MediaType.APPLICATION_JSON).bodyValue(vmBody(name))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    protected static UUID id(Map<String, Object> view) {
        return UUID.fromString((String) view.get("id"));
    }

    @SuppressWarnings("unchecked")
    protected static Map<String, Object> json(Map<?, ?> body) {
        return (Map<String, Object>) body;
    }

    /** Reads a VM as its tenant sees it. */
    protected Map<String, Object> getVm(WebTestClient client, UUID id) {
        return json(client.get().uri("/api/v1/vms/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    protected static long generation(Map<String, Object> view) {
        return ((Number) view.get("generation")).longValue();
    }

    /** The node reports the VM's status at the VM's current generation, as an agent that caught up would. */
    protected void report(WebTestClient client, UUID vmId, VmStatus status) {
        Map<String, Object> vm = getVm(client, vmId);
        events.handle(statusEvent(vm, status, generation(vm), Instant.now())).block();
    }

    protected MessageEnvelope<VmEvent> statusEvent(Map<String, Object> vm, VmStatus status, long generation,
                                                   Instant observedAt) {
        return envelopes.<VmEvent>of(new VmStatusChanged(status, null, generation, observedAt))
                .vmId(id(vm)).tenantId((String) vm.get("tenantId")).nodeName((String) vm.get("nodeName")).build();
    }

    protected String operationStatus(WebTestClient client, Object operation) {
        return (String) json(client.get().uri("/api/v1/operations/{id}", operation).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody()).get("status");
    }

    protected long count(String sql, Map<String, Object> bindings) {
        var spec = db.sql(sql);
        for (var binding : bindings.entrySet()) {
            spec = spec.bind(binding.getKey(), binding.getValue());
        }
        return spec.map(row -> row.get(0, Long.class)).one().block();
    }
}
