package io.voidvm.monitoring.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import io.micrometer.core.instrument.MeterRegistry;
import io.voidvm.contracts.codec.MalformedMessageException;
import io.voidvm.contracts.topic.Topics;
import io.voidvm.kafkakit.DeadLetterHeaders;
import io.voidvm.monitoring.deadletter.app.DeadLetterDepthGauge;
import io.voidvm.testsupport.junit.WithKafka;
import io.voidvm.testsupport.junit.WithPostgres;
import io.voidvm.testsupport.kafka.KafkaBroker;
import io.voidvm.testsupport.kafka.KafkaFixture;
import java.net.URI;
import io.voidvm.testsupport.openapi.ApiDocumentRules;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dead-letter admin API on the real broker and PostgreSQL: records a real consumer dead-lettered are listed,
 * read and replayed (once, however often the button is pressed), the depth gauge reports them, anyone but an
 * admin gets 403, and a wrong topic, partition or offset is a 404 or a 400 naming it. Annotated like
 * {@code MonitoringApplicationIT}, so both share one Spring context.
 */
@WithPostgres
@WithKafka
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeadLettersIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BASE = "/api/v1/dead-letters";

    /** Three dead letters on two partitions: a JSON document, plain text and bytes that are not UTF-8. */
    private static final byte[] JSON_POISON = "{\"hello\":\"world\",\"n\":[1,2]}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TEXT_POISON = "not json at all".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BINARY_POISON = {(byte) 0xff, (byte) 0xfe, 0x00, 0x01};

    private final String original = "it-" + Long.toHexString(System.nanoTime()) + ".events";
    private final String dlt = Topics.deadLetter(original);
    private final KafkaFixture kafka = new KafkaFixture();

    @Autowired
    ApplicationContext context;
    @Autowired
    MeterRegistry registry;
    @Autowired
    DeadLetterDepthGauge gauge;

    private WebTestClient anonymous;

    @BeforeAll
    void deadLetterThreeRecords(KafkaBroker broker) throws Exception {
        broker.createTopic(original, 2);
        broker.createTopic(dlt, 2);
        try (PoisonConsumer consumer = new PoisonConsumer(original)) {
            kafka.publishRaw(original, "key-json", JSON_POISON);
            kafka.publishRaw(original, "key-text", TEXT_POISON);
            kafka.publishRaw(original, "key-binary", BINARY_POISON);
            await().atMost(WAIT).until(() -> kafka.records(dlt).size() == 3);
        }
    }

    @AfterAll
    void closeKafka() {
        kafka.close();
    }

    @BeforeEach
    void bindClient() {
        anonymous = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build();
    }

    @Test
    void listsTopicsWithTheirDepthAndPublishesItAsAGauge() {
        JsonNode topic = topics().stream().filter(item -> item.path("topic").asString().equals(dlt)).findFirst()
                .orElseThrow();
        assertThat(topic.path("originalTopic").asString()).isEqualTo(original);
        assertThat(topic.path("depth").asLong()).isEqualTo(3);
        assertThat(topic.path("partitions")).hasSize(2);

        gauge.refresh().block(WAIT);
        assertThat(registry.get(DeadLetterDepthGauge.GAUGE).tag("topic", original).gauge().value()).isEqualTo(3);
        String scrape = anonymous.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape).containsPattern("voidvm_kafka_dead_letters_depth\\{[^}]*topic=\"" + original.replace(".", "\\.")
                + "\"[^}]*} 3\\.0");
    }

    @Test
    void pagesThroughTheRecordsShowingWhereTheyCameFromWhyAndTheirValue() {
        List<JsonNode> records = new ArrayList<>();
        JsonNode page = get(BASE + "/" + dlt + "/records?limit=2");
        page.path("items").forEach(records::add);
        assertThat(records).hasSize(2);
        String cursor = page.path("nextCursor").asString();
        page = get(BASE + "/" + dlt + "/records?limit=2&cursor=" + cursor);
        page.path("items").forEach(records::add);
        assertThat(page.path("nextCursor").isNull() || page.path("nextCursor").isMissingNode()).as("last page").isTrue();
        assertThat(records).extracting(record -> record.path("key").asString())
                .containsExactlyInAnyOrder("key-json", "key-text", "key-binary");
        assertThat(records).extracting(record -> record.path("partition").asInt() * 1000L + record.path("offset").asLong())
                .as("by partition, then offset").isSorted();

        JsonNode json = byKey(records, "key-json");
        assertThat(json.path("original").path("topic").asString()).isEqualTo(original);
        assertThat(json.path("original").path("offset").isNumber()).isTrue();
        assertThat(json.path("failure").path("reason").asString()).isEqualTo("MALFORMED");
        assertThat(json.path("failure").path("exceptionClass").asString()).isNotBlank();
        assertThat(json.path("failure").path("message").asString()).isNotBlank();
        assertThat(json.path("size").asInt()).isEqualTo(JSON_POISON.length);
        assertThat(json.path("valueEncoding").asString()).isEqualTo("JSON");
        assertThat(json.path("value").path("hello").asString()).isEqualTo("world");
        assertThat(json.path("timestamp").asString()).isNotBlank();
        assertThat(byKey(records, "key-text").path("valueEncoding").asString()).isEqualTo("TEXT");
        assertThat(byKey(records, "key-text").path("value").asString()).isEqualTo("not json at all");
        assertThat(byKey(records, "key-binary").path("valueEncoding").asString()).isEqualTo("BASE64");
        assertThat(Base64.getDecoder().decode(byKey(records, "key-binary").path("value").asString()))
                .isEqualTo(BINARY_POISON);

        JsonNode one = get(BASE + "/" + dlt + "/partitions/" + json.path("partition").asInt() + "/records/"
                + json.path("offset").asLong());
        assertThat(one.path("key").asString()).isEqualTo("key-json");
        assertThat(one.path("failure").path("causeClass").asString() + one.path("failure").path("exceptionClass")
                .asString()).contains(MalformedMessageException.class.getSimpleName());
        assertThat(get(BASE + "/" + dlt + "/records?partition=" + json.path("partition").asInt())
                .path("items")).allSatisfy(item -> assertThat(item.path("partition").asInt())
                .isEqualTo(json.path("partition").asInt()));
    }

    @Test
    void replaysARecordOnceToItsOriginalTopicWithAReplayHeader() {
        JsonNode text = byKey(allRecords(), "key-text");
        int partition = text.path("partition").asInt();
        long offset = text.path("offset").asLong();
        Map<String, Object> request = Map.of("partition", partition, "fromOffset", offset);

        JsonNode first = replay(request);
        assertThat(first.path("originalTopic").asString()).isEqualTo(original);
        assertThat(first.path("replayed")).extracting(JsonNode::asLong).containsExactly(offset);
        JsonNode second = replay(request);
        assertThat(second.path("replayed")).isEmpty();
        assertThat(second.path("alreadyReplayed")).extracting(JsonNode::asLong).containsExactly(offset);

        String marker = DeadLetterHeaders.replayOf(dlt, partition, offset);
        await().atMost(WAIT).until(() -> !replays(marker).isEmpty());
        assertThat(replays(marker)).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("key-text");
            assertThat(record.value()).isEqualTo(TEXT_POISON);
        });
        JsonNode replayed = get(BASE + "/" + dlt + "/partitions/" + partition + "/records/" + offset).path("replayed");
        assertThat(replayed.path("by").asString()).isEqualTo("ops-admin");
        assertThat(replayed.path("at").asString()).isNotBlank();

        JsonNode forced = replay(Map.of("partition", partition, "fromOffset", offset, "toOffset", offset, "force", true));
        assertThat(forced.path("replayed")).extracting(JsonNode::asLong).containsExactly(offset);
        await().atMost(WAIT).until(() -> replays(marker).size() == 2);
    }

    @Test
    void anyoneButAnAdminGets403OnEveryRoute() {
        WebTestClient user = anonymous.mutateWith(mockJwt()
                .jwt(jwt -> jwt.subject("user@acme").claim("tenant", "acme").claim("roles", List.of("user")))
                .authorities(new SimpleGrantedAuthority("ROLE_user")));
        for (String uri : List.of(BASE, BASE + "/" + dlt + "/records", BASE + "/" + dlt + "/partitions/0/records/0",
                BASE + "/nope.dlt/records", BASE + "/" + dlt + "/partitions/x/records/y")) {
            problem(user.get().uri(uri).exchange(), 403, "forbidden");
        }
        problem(user.post().uri(BASE + "/" + dlt + "/replays").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("partition", 0, "fromOffset", 0)).exchange(), 403, "forbidden");
        anonymous.get().uri(BASE).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aWrongTopicPartitionOrOffsetIsAProblemNamingIt() {
        problem(admin().get().uri(BASE + "/no-such-topic.dlt/records").exchange(), 404, "not-found");
        problem(admin().get().uri(BASE + "/" + original + "/records").exchange(), 404, "not-found");
        assertThat(field(problem(admin().get().uri(BASE + "/bad*name.dlt/records").exchange(), 400, "invalid-request")))
                .isEqualTo("topic");
        problem(admin().get().uri(BASE + "/" + dlt + "/partitions/7/records/0").exchange(), 404, "not-found");
        problem(admin().get().uri(BASE + "/" + dlt + "/partitions/0/records/999999").exchange(), 404, "not-found");
        assertThat(field(problem(admin().get().uri(BASE + "/" + dlt + "/partitions/x/records/0").exchange(), 400,
                "invalid-request"))).isEqualTo("partition");
        assertThat(field(problem(admin().get().uri(BASE + "/" + dlt + "/partitions/0/records/-1").exchange(), 400,
                "invalid-request"))).isEqualTo("offset");
        assertThat(field(problem(admin().get().uri(BASE + "/" + dlt + "/records?partition=7").exchange(), 400,
                "invalid-request"))).isEqualTo("partition");
        assertThat(field(problem(admin().get().uri(BASE + "/" + dlt + "/records?cursor=bm9wZQ").exchange(), 400,
                "invalid-request"))).isEqualTo("cursor");

        assertThat(field(replayProblem(Map.of("fromOffset", 0)))).isEqualTo("partition");
        assertThat(field(replayProblem(Map.of("partition", 7, "fromOffset", 0)))).isEqualTo("partition");
        assertThat(field(replayProblem(Map.of("partition", 0, "fromOffset", 999_999)))).isEqualTo("fromOffset");
        assertThat(field(replayProblem(Map.of("partition", 0, "fromOffset", 5, "toOffset", 4)))).isEqualTo("toOffset");
        assertThat(field(replayProblem(Map.of("partition", 0, "fromOffset", 0, "toOffset", 100_000))))
                .isEqualTo("toOffset");
    }

    /** The service-kit input rules (ADR 0016): refused before any record is read or replayed. */
    @Test
    void scalarsDuplicateKeysOtherCharsetsAndControlCharactersAreRefusedNamingTheField() {
        assertThat(field(rawReplayProblem("{\"partition\":\"0\",\"fromOffset\":0}", "malformed-request")))
                .isEqualTo("partition");
        assertThat(field(rawReplayProblem("{\"partition\":0,\"fromOffset\":0,\"fromOffset\":1}",
                "malformed-request"))).isEqualTo("fromOffset");
        problem(admin().post().uri(BASE + "/" + dlt + "/replays")
                .contentType(MediaType.parseMediaType("application/json; charset=utf-16"))
                .bodyValue("{\"partition\":0,\"fromOffset\":0}".getBytes(StandardCharsets.UTF_8)).exchange(),
                415, "unsupported-media-type");
        // absolute URIs are sent as written: their percent-escapes reach the service undecoded
        assertThat(field(problem(admin().get().uri(URI.create("http://localhost" + BASE + "/" + dlt
                + "/records?partition=%00")).exchange(), 400, "invalid-request"))).isEqualTo("partition");
        assertThat(field(problem(admin().get().uri(URI.create("http://localhost" + BASE + "/a%1Bb.dlt/records"))
                .exchange(), 400, "invalid-request"))).isEqualTo("topic");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aBrokerThatDoesNotAnswerIsA503NamingKafka(KafkaBroker broker) {
        broker.stop();
        try {
            // the admin call gives up after voidvm.monitoring.dead-letters.kafka-timeout (10 s)
            WebTestClient patient = admin().mutate().responseTimeout(WAIT).build();
            JsonNode problem = problem(patient.get().uri(BASE).exchange().expectHeader().exists("Retry-After"), 503,
                    "service-unavailable");
            assertThat(problem.path("service").asString()).isEqualTo("kafka");
        } finally {
            broker.restart();
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(topics()).isNotEmpty());
    }

    @Test
    void theOperationsAreDocumentedUnderDeadLettersWithTheirProblems() {
        byte[] json = anonymous.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        assertThat(ApiDocumentRules.violations(json)).isEmpty();
        assertThat(ApiDocumentRules.tags(json)).containsExactly("Dead letters");
        JsonNode document = JSON.readTree(json);
        JsonNode paths = document.path("paths");
        List<JsonNode> operations = List.of(paths.path(BASE).path("get"),
                paths.path(BASE + "/{topic}/records").path("get"),
                paths.path(BASE + "/{topic}/partitions/{partition}/records/{offset}").path("get"),
                paths.path(BASE + "/{topic}/replays").path("post"));
        assertThat(operations).allSatisfy(operation -> {
            assertThat(operation.path("tags")).extracting(JsonNode::asString).containsExactly("Dead letters");
            assertThat(operation.path("summary").asString()).isNotBlank();
            assertThat(operation.path("responses").propertyNames()).contains("401", "403", "503");
        });
        assertThat(operations.get(2).path("responses").propertyNames()).contains("400", "404");
        assertThat(operations.get(3).path("requestBody").path("content").path("application/json").path("schema")
                .path("$ref").asString()).isEqualTo("#/components/schemas/ReplayRequest");
    }

    private WebTestClient admin() {
        return anonymous.mutateWith(mockJwt()
                .jwt(jwt -> jwt.subject("ops-admin").claim("roles", List.of("admin")))
                .authorities(new SimpleGrantedAuthority("ROLE_admin")));
    }

    private List<JsonNode> topics() {
        List<JsonNode> items = new ArrayList<>();
        get(BASE + "?limit=200").path("items").forEach(items::add);
        return items;
    }

    private List<JsonNode> allRecords() {
        List<JsonNode> items = new ArrayList<>();
        get(BASE + "/" + dlt + "/records").path("items").forEach(items::add);
        return items;
    }

    private List<ConsumerRecord<String, byte[]>> replays(String marker) {
        return kafka.records(original).stream().filter(record -> {
            var header = record.headers().lastHeader(DeadLetterHeaders.REPLAY_OF);
            return header != null && marker.equals(new String(header.value(), StandardCharsets.UTF_8));
        }).toList();
    }

    private JsonNode replay(Map<String, Object> request) {
        return JSON.readTree(admin().post().uri(BASE + "/" + dlt + "/replays").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    private JsonNode replayProblem(Map<String, Object> request) {
        return problem(admin().post().uri(BASE + "/" + dlt + "/replays").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request).exchange(), 400, "invalid-request");
    }

    private JsonNode rawReplayProblem(String json, String code) {
        return problem(admin().post().uri(BASE + "/" + dlt + "/replays").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json.getBytes(StandardCharsets.UTF_8)).exchange(), 400, code);
    }

    private JsonNode get(String uri) {
        return JSON.readTree(admin().get().uri(uri).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    private static JsonNode problem(WebTestClient.ResponseSpec response, int status, String code) {
        JsonNode problem = JSON.readTree(response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(problem.path("code").asString()).as(problem.toString()).isEqualTo(code);
        return problem;
    }

    private static String field(JsonNode problem) {
        return problem.path("errors").path(0).path("field").asString();
    }

    private static JsonNode byKey(List<JsonNode> records, String key) {
        return records.stream().filter(record -> key.equals(record.path("key").asString())).findFirst().orElseThrow();
    }
}
