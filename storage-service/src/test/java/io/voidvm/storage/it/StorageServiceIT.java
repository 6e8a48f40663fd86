package io.voidvm.storage.it;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import io.voidvm.contracts.envelope.Envelopes;
import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.topic.Topics;
import io.voidvm.contracts.vm.event.CommandOutcome;
import io.voidvm.contracts.volume.VolumeEvent;
import io.voidvm.contracts.volume.VolumeOperation;
import io.voidvm.storage.volume.app.VolumeEventHandler;
import io.voidvm.testsupport.junit.WithKafka;
import io.voidvm.testsupport.junit.WithPostgres;
import io.voidvm.testsupport.kafka.KafkaFixture;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of storage-service's integration tests: the whole service against the real PostgreSQL and Kafka from
 * test-support, with image-service, vm-service, auth-service and the token endpoint faked at the HTTP boundary
 * ({@link FakePlatform}). Every test works in tenants and on nodes of its own, so tests never see each other's
 * volumes or commands.
 */
@WithPostgres
@WithKafka
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "voidvm.storage.pools-root=target/it-pools",
        "voidvm.storage.max-volume-size-gb=1000"})
public abstract class StorageServiceIT {

    protected static final FakePlatform PLATFORM = new FakePlatform();
    private static KafkaFixture kafka;

    @Autowired
    protected ApplicationContext context;

    @Autowired
    protected VolumeEventHandler events;

    protected final Envelopes envelopes = new Envelopes(Clock.systemUTC());

    private WebTestClient anonymous;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("voidvm.storage.clients.image-service", PLATFORM::baseUrl);
        registry.add("voidvm.storage.clients.vm-service", PLATFORM::baseUrl);
        registry.add("voidvm.storage.clients.auth-service", PLATFORM::baseUrl);
        registry.add("voidvm.storage.clients.token-uri", () -> PLATFORM.baseUrl() + "/token");
    }

    @AfterAll
    static void closeKafka() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    @BeforeEach
    void bindClient() {
        anonymous = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient()
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    protected static KafkaFixture kafka() {
        if (kafka == null) {
            kafka = new KafkaFixture();
        }
        return kafka;
    }

    protected WebTestClient anonymous() {
        return anonymous;
    }

    /** A member (role user) of the tenant; the token value lets the fake vm-service tell tenants apart. */
    protected WebTestClient as(String tenant) {
        return anonymous.mutateWith(mockJwt()
                .jwt(jwt -> jwt.tokenValue("tenant:" + tenant).subject("user@" + tenant).claim("tenant", tenant)
                        .claim("roles", List.of("user")))
                .authorities(new SimpleGrantedAuthority("ROLE_user")));
    }

    /** A platform caller (role admin, no tenant). */
    protected WebTestClient asAdmin() {
        return anonymous.mutateWith(mockJwt()
                .jwt(jwt -> jwt.tokenValue("platform").subject("platform").claim("roles", List.of("admin")))
                .authorities(new SimpleGrantedAuthority("ROLE_admin")));
    }

    protected static String newTenant() {
        return "t" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 8);
    }

    protected static String newNode() {
        return "node-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
    }

    /** An admin-made DIR pool on a node of its own; returns the pool view. */
    protected Map<String, Object> givenPool(String node, long capacityGb, String overcommitRatio) {
        return json(asAdmin().post().uri("/api/v1/storage").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "pool-" + node, "type", "DIR", "path", "pools/" + node, "nodeName", node,
                        "capacityGb", capacityGb, "overcommitRatio", new java.math.BigDecimal(overcommitRatio)))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    protected Map<String, Object> createVolume(WebTestClient client, UUID poolId, Map<String, Object> body) {
        return json(client.post().uri("/api/v1/storage/{pool}/volumes", poolId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    protected Map<String, Object> getVolume(WebTestClient client, UUID poolId, UUID id) {
        return json(client.get().uri("/api/v1/storage/{pool}/volumes/{id}", poolId, id).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    /** The node reports on a volume through the real broker and the real listener. */
    protected MessageEnvelope<VolumeEvent> publishEvent(String node, UUID volumeId, VolumeOperation operation,
                                                        CommandOutcome outcome, Long sizeBytes, UUID vmId) {
        VolumeEvent event = new VolumeEvent(volumeId, operation, outcome,
                outcome == CommandOutcome.SUCCEEDED && operation != VolumeOperation.DELETE ? sizeBytes : null,
                outcome == CommandOutcome.SUCCEEDED ? 196_608L : null, vmId,
                outcome == CommandOutcome.FAILED ? "DISK_FULL" : null,
                outcome == CommandOutcome.FAILED ? "no space left on device" : null, Instant.now());
        MessageEnvelope<VolumeEvent> envelope = envelopes.of(event).nodeName(node).build();
        try {
            kafka().publish(envelope);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return envelope;
    }

    protected void awaitStatus(WebTestClient client, UUID poolId, UUID id, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> status.equals(getVolume(client, poolId, id).get("status")));
    }

    /** The records on the node's command topic with this key, decoded, once at least {@code count} arrived. */
    protected List<MessageEnvelope<?>> awaitCommands(String node, String key, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> commands(node, key), found -> found.size() >= count);
    }

    protected List<MessageEnvelope<?>> commands(String node, String key) {
        var codec = new io.voidvm.contracts.codec.MessageCodec();
        return kafka().records(Topics.nodeCommands(node)).stream()
                .filter(record -> key.equals(record.key()))
                .<MessageEnvelope<?>>map(record -> codec.decode(record.value()))
                .toList();
    }

    protected List<ConsumerRecord<String, byte[]>> records(String topic) {
        return kafka().records(topic);
    }

    protected static UUID id(Map<String, Object> view) {
        return UUID.fromString((String) view.get("id"));
    }

    @SuppressWarnings("unchecked")
    protected static Map<String, Object> json(Map<?, ?> body) {
        return (Map<String, Object>) body;
    }
}
