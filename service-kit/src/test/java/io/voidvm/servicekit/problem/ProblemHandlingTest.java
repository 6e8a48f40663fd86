package io.voidvm.servicekit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.servicekit.testapp.WebSliceTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every error path of the test app answers RFC 9457 problem+json with a stable code and no internals. */
class ProblemHandlingTest extends WebSliceTest {

    private WebTestClient.ResponseSpec post(String path, String json) {
        return client.post().uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer(userToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    private static void assertProblem(WebTestClient.ResponseSpec response, int status, String code, String path) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://voidvm.io/problems/" + code)
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.code").isEqualTo(code)
                .jsonPath("$.instance").isEqualTo(path);
    }

    @Test
    void validListsEveryInvalidField() {
        post("/api/v1/things", """
                {"name": "", "cpuCores": 0, "memoryMb": null, "disks": [{"sizeGb": 0}]}""")
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("validation-failed")
                .jsonPath("$.type").isEqualTo("https://voidvm.io/problems/validation-failed")
                .jsonPath("$.errors.length()").isEqualTo(4)
                .jsonPath("$.errors[?(@.field == 'name')].message").isNotEmpty()
                .jsonPath("$.errors[?(@.field == 'cpuCores')].message").isNotEmpty()
                .jsonPath("$.errors[?(@.field == 'memoryMb')].message").isNotEmpty()
                .jsonPath("$.errors[?(@.field == 'disks[0].sizeGb')].message").isNotEmpty();
    }

    @Test
    void validBodyPasses() {
        post("/api/v1/things", """
                {"name": "web-1", "cpuCores": 2, "memoryMb": 512, "disks": [{"sizeGb": 10, "bus": "virtio"}]}""")
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.name").isEqualTo("web-1");
    }

    @Test
    void unknownFieldIsRejectedNamingIt() {
        var response = post("/api/v1/things", """
                {"name": "web-1", "cpuCores": 2, "memoryMb": 512, "cpuCore": 4}""");
        response.expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("malformed-request")
                .jsonPath("$.errors[0].field").isEqualTo("cpuCore")
                .jsonPath("$.errors[0].message").isEqualTo("unknown field");
    }

    @Test
    void wrongTypeNamesTheNestedField() {
        post("/api/v1/things", """
                {"name": "web-1", "cpuCores": 2, "memoryMb": 512, "disks": [{"sizeGb": "ten"}]}""")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("malformed-request")
                .jsonPath("$.errors[0].field").isEqualTo("disks[0].sizeGb")
                .jsonPath("$.errors[0].message").isEqualTo("must be an integer")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).doesNotContain("java."));
    }

    @Test
    void syntaxErrorIsMalformedWithoutField() {
        post("/api/v1/things", "{\"name\": ")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("malformed-request")
                .jsonPath("$.errors").doesNotExist();
    }

    @Test
    void wrongPathVariableTypeNamesTheParameter() {
        assertProblem(client.get().uri("/api/v1/things/not-a-uuid")
                .header(HttpHeaders.AUTHORIZATION, bearer(userToken())).exchange(),
                400, "invalid-request", "/api/v1/things/not-a-uuid");
        client.get().uri("/api/v1/things/not-a-uuid")
                .header(HttpHeaders.AUTHORIZATION, bearer(userToken())).exchange()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("id")
                .jsonPath("$.errors[0].message").isEqualTo("must be a UUID");
    }

    @Test
    void unexpectedErrorIs500WithoutLeakingAnything() {
        byte[] body = client.get().uri("/api/v1/boom")
                .header(HttpHeaders.AUTHORIZATION, bearer(userToken())).exchange()
                .expectStatus().isEqualTo(500)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("internal-error")
                .jsonPath("$.detail").isEqualTo(ProblemMapper.GENERIC_DETAIL)
                .jsonPath("$.traceId").value(id -> assertThat((String) id).matches("[0-9a-f]{32}"))
                .returnResult().getResponseBody();
        String text = new String(body);
        assertThat(text).doesNotContain("hunter2", "IllegalStateException", "connection failed", "at io.voidvm",
                "trace\"", "exception");
    }

    @Test
    void unknownRouteIs404Problem() {
        assertProblem(client.get().uri("/api/v1/nothing-here")
                .header(HttpHeaders.AUTHORIZATION, bearer(userToken())).exchange(),
                404, "not-found", "/api/v1/nothing-here");
    }

    @Test
    void notFoundExceptionIs404() {
        assertProblem(client.get().uri("/api/v1/things/00000000-0000-0000-0000-000000000002")
                .header(HttpHeaders.AUTHORIZATION, bearer(userToken())).exchange(),
                404, "not-found", "/api/v1/things/00000000-0000-0000-0000-000000000002");
    }

    @Test
    void stateConflictCarriesCurrentState() {
        var response = post("/api/v1/things/00000000-0000-0000-0000-000000000001/start", "{}");
        response.expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.code").isEqualTo("conflict")
                .jsonPath("$.currentState").isEqualTo("DELETING");
    }

    @Test
    void quotaExceededNamesQuotaAndNumbers() {
        post("/api/v1/things/quota", "{}")
                .expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.code").isEqualTo("quota-exceeded")
                .jsonPath("$.quota").isEqualTo("vcpus")
                .jsonPath("$.limit").isEqualTo(16)
                .jsonPath("$.used").isEqualTo(14)
                .jsonPath("$.requested").isEqualTo(4);
    }

    @Test
    void wrongMethodIs405WithAllowHeader() {
        client.delete().uri("/api/v1/things")
                .header(HttpHeaders.AUTHORIZATION, bearer(userToken())).exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.ALLOW, allow -> assertThat(allow).contains("GET"))
                .expectBody().jsonPath("$.code").isEqualTo("method-not-allowed");
    }

    @Test
    void wrongContentTypeIs415() {
        client.post().uri("/api/v1/things")
                .header(HttpHeaders.AUTHORIZATION, bearer(userToken()))
                .contentType(MediaType.TEXT_PLAIN).bodyValue("name=x").exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("unsupported-media-type");
    }

    @Test
    void unacceptableAcceptIs406() {
        client.get().uri("/api/v1/things/00000000-0000-0000-0000-000000000001")
                .header(HttpHeaders.AUTHORIZATION, bearer(userToken()))
                .accept(MediaType.IMAGE_PNG).exchange()
                .expectStatus().isEqualTo(406)
                .expectBody().jsonPath("$.code").isEqualTo("not-acceptable");
    }

    @Test
    void oversizedBodyIs413() {
        String big = "x".repeat(20 * 1024);
        post("/api/v1/things", "{\"name\": \"" + big + "\", \"cpuCores\": 1, \"memoryMb\": 1}")
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("payload-too-large");
    }

    @Test
    void everyProblemTypeHasAStableUriAndTitle() {
        for (var type : io.voidvm.servicekit.problem.domain.ProblemType.values()) {
            assertThat(type.uri().toString()).isEqualTo("https://voidvm.io/problems/" + type.code());
            assertThat(type.code()).matches("[a-z]+(-[a-z]+)*");
            assertThat(type.title()).isNotBlank();
        }
        Problem problem = Problem.of(io.voidvm.servicekit.problem.domain.ProblemType.CONFLICT, "d",
                Map.of("code", "hijack", "errors", List.of()));
        assertThat(problem.body("/x", null)).containsEntry("code", "conflict").doesNotContainKey("traceId");
    }
}
