package io.voidvm.vm.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.testsupport.http.RefusedInput;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every endpoint against bad input: each answer is a 4xx problem document, never a 5xx, and nothing is written
 * (no VM, operation, idempotency key or outbox row for the tenant).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT extends VmServiceIT {

    private static final String MIB = "a".repeat(1024 * 1024);
    private static final String VALID = "\"name\":\"ok\",\"cpuCores\":1,\"memoryMb\":128,\"diskSizeGb\":1,\"osType\":\"LINUX\"";

    private final String tenant = newTenant();
    private UUID vm;

    @BeforeAll
    void oneVm() {
        bindClient();
        vm = id(createVm(as(tenant), "target"));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // create: wrong types, out-of-range numbers, unknown fields, hostile strings, broken JSON
                post("/api/v1/vms", "{\"name\":\"a\",\"cpuCores\":\"two\",\"memoryMb\":128,\"diskSizeGb\":1,\"osType\":\"LINUX\"}"),
                post("/api/v1/vms", "{\"name\":\"a\",\"cpuCores\":2.5,\"memoryMb\":128,\"diskSizeGb\":1,\"osType\":\"LINUX\"}"),
                post("/api/v1/vms", "{\"name\":\"a\",\"cpuCores\":\"2\",\"memoryMb\":128,\"diskSizeGb\":1,\"osType\":\"LINUX\"}"),
                post("/api/v1/vms", "{\"name\":\"a\",\"cpuCores\":1e40,\"memoryMb\":128,\"diskSizeGb\":1,\"osType\":\"LINUX\"}"),
                post("/api/v1/vms", "{\"name\":\"a\",\"cpuCores\":1,\"memoryMb\":99999999999999999999999,\"diskSizeGb\":1,\"osType\":\"LINUX\"}"),
                post("/api/v1/vms", "{\"name\":\"a\",\"cpuCores\":2147483648,\"memoryMb\":128,\"diskSizeGb\":1,\"osType\":\"LINUX\"}"),
                post("/api/v1/vms", "{\"name\":\"a\",\"cpuCores\":1,\"memoryMb\":9223372036854775807,\"diskSizeGb\":1,\"osType\":\"LINUX\"}"),
                post("/api/v1/vms", "{\"name\":\"a\",\"cpuCores\":-1,\"memoryMb\":128,\"diskSizeGb\":0,\"osType\":\"LINUX\"}"),
                post("/api/v1/vms", "{" + VALID + ",\"cpuCore\":2}"),
                post("/api/v1/vms", "{" + VALID + ",\"tenantId\":\"someone-else\"}"),
                post("/api/v1/vms", "{" + VALID.replace("\"ok\"", "\"../../etc/passwd\"") + "}"),
                post("/api/v1/vms", "{" + VALID.replace("\"ok\"", "\"a\\u0000b\"") + "}"),
                post("/api/v1/vms", "{" + VALID.replace("\"ok\"", "\"" + "x".repeat(64) + "\"") + "}"),
                post("/api/v1/vms", "{" + VALID.replace("\"ok\"", "{}") + "}"),
                post("/api/v1/vms", "{" + VALID.replace("\"ok\"", "\"" + MIB + "\"") + "}"),
                post("/api/v1/vms", "{" + VALID + ",\"description\":\"" + MIB + "\"}"),
                post("/api/v1/vms", "{" + VALID + ",\"description\":\"nul\\u0000byte\"}"),
                post("/api/v1/vms", "{" + VALID + ",\"description\":\"" + "d".repeat(2000) + "\"}"),
                post("/api/v1/vms", "{" + VALID + ",\"networkIds\":[\"not-a-uuid\"]}"),
                post("/api/v1/vms", "{" + VALID + ",\"networkIds\":\"" + UUID.randomUUID() + "\"}"),
                post("/api/v1/vms", "{" + VALID + ",\"imageId\":\"../../etc/passwd\"}"),
                post("/api/v1/vms", "{" + VALID.replace("LINUX", "PLAN9") + "}"),
                post("/api/v1/vms", "{" + VALID + "} trailing"),
                post("/api/v1/vms", "[" + "{" + VALID + "}]"),
                post("/api/v1/vms", "{\"name\":"),
                post("/api/v1/vms", ""),
                post("/api/v1/vms", "null"),
                post("/api/v1/vms", "{}"),
                Arguments.of(HttpMethod.POST, "/api/v1/vms", "name=a", MediaType.APPLICATION_FORM_URLENCODED, null),
                Arguments.of(HttpMethod.POST, "/api/v1/vms", "{" + VALID + "}", MediaType.APPLICATION_JSON,
                        "k".repeat(300)),
                Arguments.of(HttpMethod.POST, "/api/v1/vms", "{" + VALID + "}", MediaType.APPLICATION_JSON,
                        "bad key with spaces"),
                // paths and query parameters
                get("/api/v1/vms/not-a-uuid"),
                // encoded slashes and dots never reach the app: Spring Security's firewall answers them (a bare
                // 400 without a problem body: service-kit's concern, see its security auto-configuration)
                get("/api/v1/vms/..etc..passwd"),
                get("/api/v1/vms/" + UUID.randomUUID()),
                get("/api/v1/vms?limit=abc"),
                get("/api/v1/vms?limit=100000"),
                get("/api/v1/vms?limit=-1"),
                get("/api/v1/vms?limit=99999999999999999999"),
                get("/api/v1/vms?cursor=not-a-cursor"),
                get("/api/v1/vms?cursor=AQE"),
                get("/api/v1/vms?cursor=" + "A".repeat(5000)),
                get("/api/v1/vms?status=BOGUS"),
                get("/api/v1/vms?status=DELETED"),
                get("/api/v1/vms?sort=name;DROP%20TABLE%20vms"),
                get("/api/v1/vms?name=..%2F..%2Fetc%2Fpasswd"),
                get("/api/v1/vms?name=%00"),
                get("/api/v1/vms?name=%25"),
                get("/api/v1/operations/not-a-uuid"),
                get("/api/v1/operations/" + UUID.randomUUID()),
                get("/api/v1/vms/not-a-uuid/logs"),
                get("/api/v1/vms/{vm}/logs?cursor=garbage"),
                get("/api/v1/vms/{vm}/logs?limit=0"),
                get("/internal/v1/nodes/node-1/desired-state"),
                // changes to the existing VM
                patch("/api/v1/vms/{vm}", "{\"cpuCores\":\"lots\"}"),
                patch("/api/v1/vms/{vm}", "{\"cpuCores\":1e40}"),
                patch("/api/v1/vms/{vm}", "{\"memoryMb\":1}"),
                patch("/api/v1/vms/{vm}", "{\"diskSizeGb\":10}"),
                patch("/api/v1/vms/{vm}", "{\"name\":\"../../etc/passwd\"}"),
                patch("/api/v1/vms/{vm}", "{\"description\":\"" + MIB + "\"}"),
                patch("/api/v1/vms/{vm}", "{\"description\":\"bell\\u0007\"}"),
                patch("/api/v1/vms/{vm}", "not json"),
                patch("/api/v1/vms/not-a-uuid", "{\"description\":\"x\"}"),
                Arguments.of(HttpMethod.PUT, "/api/v1/vms/{vm}", "{\"id\":\"" + UUID.randomUUID() + "\"}",
                        MediaType.APPLICATION_JSON, null),
                Arguments.of(HttpMethod.DELETE, "/api/v1/vms/not-a-uuid", null, null, null),
                // actions
                post("/api/v1/vms/not-a-uuid/start", null),
                post("/api/v1/vms/" + UUID.randomUUID() + "/start", null),
                post("/api/v1/vms/{vm}/stop?force=maybe", null),
                post("/api/v1/vms/{vm}/start?force=true", null),
                post("/api/v1/vms/{vm}/resume", null),
                post("/api/v1/vms/{vm}/explode", null));
    }

    /** The service-kit input rules (ADR 0016): each refusal names the field or parameter to blame. */
    static Stream<Arguments> namedRefusals() {
        MediaType json = MediaType.APPLICATION_JSON;
        return Stream.of(
                named(HttpMethod.POST, "/api/v1/vms", "{" + VALID.replace("\"ok\"", "true") + "}", json,
                        "malformed-request", "name"),
                named(HttpMethod.POST, "/api/v1/vms", "{" + VALID.replace("\"ok\"", "12345") + "}", json,
                        "malformed-request", "name"),
                named(HttpMethod.POST, "/api/v1/vms", "{" + VALID.replace("\"ok\"", "9223372036854775808") + "}",
                        json, "malformed-request", "name"),
                named(HttpMethod.POST, "/api/v1/vms", "{" + VALID + ",\"description\":1.5}", json,
                        "malformed-request", "description"),
                named(HttpMethod.POST, "/api/v1/vms", "{" + VALID + ",\"cpuCores\":2}", json,
                        "malformed-request", "cpuCores"),
                named(HttpMethod.POST, "/api/v1/vms", "{" + VALID + ",\"name\":\"again\"}", json,
                        "malformed-request", "name"),
                named(HttpMethod.POST, "/api/v1/vms", "{" + VALID.replace("\"ok\"", "\"a\\u0000b\"") + "}", json,
                        "validation-failed", "name"),
                named(HttpMethod.POST, "/api/v1/vms", "{" + VALID.replace("\"ok\"", "\"\\u001b[31m\"") + "}", json,
                        "validation-failed", "name"),
                named(HttpMethod.POST, "/api/v1/vms", "{" + VALID + ",\"description\":\"red \\u001b[31m\"}", json,
                        "validation-failed", "description"),
                named(HttpMethod.POST, "/api/v1/vms", "{" + VALID + ",\"networkIds\":[12345]}", json,
                        "malformed-request", "networkIds[0]"),
                named(HttpMethod.PATCH, "/api/v1/vms/{vm}", "{\"description\":\"" + RefusedInput.CONTROL_ESCAPES + "\"}",
                        json, "validation-failed", "description"),
                named(HttpMethod.PATCH, "/api/v1/vms/{vm}", "{\"name\":false}", json, "malformed-request", "name"),
                named(HttpMethod.GET, "/api/v1/vms?name=%00", null, null, "invalid-request", "name"),
                named(HttpMethod.GET, "/api/v1/vms?status=RUNNING%0A", null, null, "invalid-request", "status"),
                named(HttpMethod.GET, "/api/v1/vms/%00", null, null, "invalid-request", "id"),
                named(HttpMethod.POST, "/api/v1/vms/a%1Bb/start", null, null, "invalid-request", "id"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("namedRefusals")
    void refusalNamesTheFieldAndWritesNothing(HttpMethod method, String uri, String body, MediaType type,
                                               String code, String field) {
        long before = writes();
        // an absolute URI is sent as written: its percent-escapes reach the service undecoded
        WebTestClient.RequestBodySpec request = as(tenant).method(method)
                .uri(URI.create("http://localhost" + uri.replace("{vm}", vm.toString())));
        if (body != null) {
            request.contentType(type).bodyValue(body.getBytes(StandardCharsets.UTF_8));
        }
        EntityExchangeResult<byte[]> result = request.exchange().expectBody().returnResult();

        RefusedInput.assertProblemNaming(result.getStatus().value(),
                String.valueOf(result.getResponseHeaders().getContentType()), result.getResponseBody(), 400, code, field);
        assertThat(writes()).as("nothing written").isEqualTo(before);
    }

    @Test
    void aJsonBodyInAnotherCharsetThanUtf8IsA415AndWritesNothing() {
        long before = writes();
        as(tenant).post().uri("/api/v1/vms").contentType(MediaType.parseMediaType("application/json; charset=utf-16"))
                .bodyValue(("{" + VALID + "}").getBytes(StandardCharsets.UTF_8)).exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("unsupported-media-type");
        assertThat(writes()).as("nothing written").isEqualTo(before);
    }

    @Test
    void aMultilineDescriptionIsKept() {
        as(tenant).post().uri("/api/v1/vms").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{" + VALID.replace("\"ok\"", "\"multi\"") + ",\"description\":\"line 1\\n\\tline 2\"}")
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.description").isEqualTo("line 1\n\tline 2");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void badInputIsA4xxProblemAndWritesNothing(HttpMethod method, String uri, String body, MediaType type,
                                               String idempotencyKey) {
        long before = writes();
        WebTestClient.RequestBodySpec request = as(tenant).method(method).uri(uri.replace("{vm}", vm.toString()));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request.contentType(type).bodyValue(body.getBytes(StandardCharsets.UTF_8));
        }
        EntityExchangeResult<byte[]> result = request.exchange().expectBody().returnResult();

        assertThat(result.getStatus().is4xxClientError())
                .as("%s %s answered %s: %s", method, uri, result.getStatus(), text(result)).isTrue();
        assertThat(result.getResponseHeaders().getContentType()).as(text(result))
                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(text(result)).contains("\"code\"").doesNotContain("Exception").doesNotContain("at io.voidvm");
        assertThat(writes()).as("nothing written").isEqualTo(before);
    }

    /** Rows the tenant owns or caused: VMs, operations, idempotency keys, and commands about its VM. */
    private long writes() {
        return count("SELECT (SELECT count(*) FROM vms WHERE tenant_id = :t)"
                + " + (SELECT count(*) FROM operations WHERE tenant_id = :t)"
                + " + (SELECT count(*) FROM idempotency_keys WHERE tenant_id = :scope)"
                + " + (SELECT count(*) FROM outbox WHERE message_key = :vm)",
                Map.of("t", tenant, "scope", "tenant:" + tenant, "vm", vm.toString()));
    }

    private static String text(EntityExchangeResult<byte[]> result) {
        byte[] body = result.getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    private static Arguments post(String uri, String body) {
        return Arguments.of(HttpMethod.POST, uri, body, MediaType.APPLICATION_JSON, null);
    }

    private static Arguments patch(String uri, String body) {
        return Arguments.of(HttpMethod.PATCH, uri, body, MediaType.APPLICATION_JSON, null);
    }

    private static Arguments named(HttpMethod method, String uri, String body, MediaType type, String code,
                                   String field) {
        return Arguments.of(method, uri, body, type, code, field);
    }

    private static Arguments get(String uri) {
        return Arguments.of(HttpMethod.GET, uri, null, null, null);
    }
}
