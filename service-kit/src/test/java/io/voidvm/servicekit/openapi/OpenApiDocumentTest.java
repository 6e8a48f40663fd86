package io.voidvm.servicekit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.servicekit.testapp.WebSliceTest;
import io.voidvm.testsupport.openapi.ApiDocumentRules;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a service gets in its OpenAPI document by depending on service-kit, seen from the test app. */
class OpenApiDocumentTest extends WebSliceTest {

    private byte[] body;
    private JsonNode doc;

    @BeforeEach
    void fetch() {
        body = client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        doc = JsonMapper.builder().build().readTree(body);
    }

    @Test
    void isOpenApi31NamingTheServiceWithoutAToken() {
        assertThat(doc.path("openapi").asString()).startsWith("3.1.");
        assertThat(doc.path("info").path("title").asString()).isEqualTo("voidVM servicekit-test");
        assertThat(doc.path("info").path("version").asString()).isNotBlank();
        assertThat(doc.path("servers").path(0).path("url").asString()).isEqualTo("/");
    }

    @Test
    void bearerJwtIsRequiredGlobally() {
        JsonNode scheme = doc.path("components").path("securitySchemes").path("bearer-jwt");
        assertThat(scheme.path("type").asString()).isEqualTo("http");
        assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
        assertThat(scheme.path("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(doc.path("security").path(0).has("bearer-jwt")).isTrue();
    }

    @Test
    void everyOperationDocumentsItsProblems() {
        JsonNode get = operation("/api/v1/things/{id}", "get");
        assertThat(get.path("responses").path("404").path("$ref").asString())
                .isEqualTo("#/components/responses/NotFound");
        assertThat(get.path("responses").path("401").path("$ref").asString())
                .isEqualTo("#/components/responses/Unauthorized");
        assertThat(get.path("responses").has("200")).as("the success answer stays").isTrue();
        assertThat(get.path("responses").has("409")).as("a GET refuses no state change").isFalse();
        assertThat(operation("/api/v1/things", "post").path("responses").has("404"))
                .as("no path variable, nothing to miss").isFalse();
        assertThat(operation("/api/v1/things/{id}/start", "post").path("responses").has("409")).isTrue();

        JsonNode notFound = doc.path("components").path("responses").path("NotFound");
        assertThat(notFound.path("content").path("application/problem+json").path("schema").path("$ref").asString())
                .isEqualTo("#/components/schemas/Problem");
        JsonNode problem = doc.path("components").path("schemas").path("Problem");
        assertThat(problem.path("type").asString()).isEqualTo("object");
        assertThat(names(problem.path("properties")))
                .contains("type", "title", "status", "detail", "instance", "code", "traceId", "errors");
        assertThat(problem.path("properties").path("code").path("enum").toString())
                .contains("\"not-found\"", "\"validation-failed\"");
    }

    @Test
    void bodiesMayBeTooLargeOrOfTheWrongTypeAndEveryRouteMayBeBusyOrUnavailable() {
        JsonNode create = operation("/api/v1/things", "post").path("responses");
        assertThat(create.path("413").path("$ref").asString()).isEqualTo("#/components/responses/PayloadTooLarge");
        assertThat(create.path("415").path("$ref").asString())
                .isEqualTo("#/components/responses/UnsupportedMediaType");
        JsonNode get = operation("/api/v1/things/{id}", "get").path("responses");
        assertThat(get.has("413")).as("no body, nothing too large").isFalse();
        assertThat(get.has("415")).isFalse();
        assertThat(get.has("422")).as("no Idempotency-Key header").isFalse();
        for (JsonNode responses : List.of(create, get)) {
            assertThat(responses.path("429").path("$ref").asString())
                    .isEqualTo("#/components/responses/TooManyRequests");
            assertThat(responses.path("503").path("$ref").asString())
                    .isEqualTo("#/components/responses/ServiceUnavailable");
        }
        for (String component : List.of("PayloadTooLarge", "UnsupportedMediaType", "IdempotencyKeyReused",
                "TooManyRequests", "ServiceUnavailable")) {
            assertThat(doc.path("components").path("responses").path(component).path("content")
                    .path("application/problem+json").path("schema").path("$ref").asString()).as(component)
                    .isEqualTo("#/components/schemas/Problem");
        }
    }

    @Test
    void theDocumentRulesFindAnOperationWithoutSummaryOrResourceTag() {
        // the test app's controller carries neither @Tag nor @Operation: what a forgotten new route looks like
        assertThat(ApiDocumentRules.violations(body)).contains(
                "GET /api/v1/things/{id}: no summary",
                "GET /api/v1/things/{id}: tagged after its controller class (thing-controller)",
                "POST /api/v1/things: JSON request body without an example");
        assertThat(ApiDocumentRules.violations(body)).noneMatch(violation -> violation.contains("problem answer"));
    }

    @Test
    void callerIsNoParameterAndPagingIsLimitAndCursor() {
        JsonNode me = operation("/api/v1/me", "get");
        assertThat(me.path("parameters").isMissingNode() || me.path("parameters").isEmpty()).isTrue();
        assertThat(me.has("requestBody")).isFalse();

        JsonNode list = operation("/api/v1/things", "get");
        assertThat(list.path("parameters").valueStream().map(p -> p.path("in").asString() + ":"
                + p.path("name").asString()).toList()).containsExactlyInAnyOrder("query:limit", "query:cursor");
        JsonNode limit = list.path("parameters").valueStream()
                .filter(p -> p.path("name").asString().equals("limit")).findFirst().orElseThrow();
        assertThat(limit.path("schema").path("maximum").asInt()).isEqualTo(200);
    }

    @Test
    void requestBodiesCarryTheirSchema() {
        JsonNode create = operation("/api/v1/things", "post");
        String ref = create.path("requestBody").path("content").path("application/json").path("schema")
                .path("$ref").asString();
        assertThat(ref).endsWith("/ThingRequest");
        JsonNode schema = doc.path("components").path("schemas").path("ThingRequest");
        assertThat(names(schema.path("properties"))).contains("name", "cpuCores", "memoryMb", "disks");
    }

    private JsonNode operation(String path, String method) {
        JsonNode operation = doc.path("paths").path(path).path(method);
        assertThat(operation.isMissingNode()).as(method + " " + path + " documented").isFalse();
        return operation;
    }

    private static List<String> names(JsonNode object) {
        return object.propertyNames().stream().toList();
    }
}
