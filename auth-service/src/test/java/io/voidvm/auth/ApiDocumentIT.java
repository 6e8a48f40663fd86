package io.voidvm.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.auth.it.AbstractAuthIT;
import io.voidvm.testsupport.openapi.ApiDocumentRules;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** auth-service's published OpenAPI document names the status codes the handlers really answer. */
class ApiDocumentIT extends AbstractAuthIT {

    private byte[] body;
    private JsonNode paths;

    @BeforeEach
    void fetch() {
        body = client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        paths = JsonMapper.builder().build().readTree(body).path("paths");
    }

    @Test
    void readsLikeAProductsDocumentGroupedByResource() {
        assertThat(ApiDocumentRules.violations(body)).isEmpty();
        assertThat(ApiDocumentRules.tags(body)).containsExactly("Tenants", "Members", "Quotas", "Users", "Profile",
                "API tokens", "Audit", "Internal");
        assertThat(paths.path("/api/v1/tokens").path("post").path("requestBody").path("content")
                .path("application/json").path("example").path("name").asString()).isEqualTo("ci-deploy");
        assertThat(paths.path("/internal/v1/quota-checks").path("post").path("tags").path(0).asString())
                .isEqualTo("Internal");
    }

    @Test
    void createsAre201WithTheirBodySchema() {
        for (String path : List.of("/api/v1/tenants", "/api/v1/tenants/{tenantId}/members", "/api/v1/tokens",
                "/api/v1/admin/users")) {
            JsonNode responses = paths.path(path).path("post").path("responses");
            assertThat(successCodes(responses)).as("POST %s", path).containsExactly("201");
            assertThat(responses.path("201").path("content").path("application/json").path("schema")
                    .path("$ref").asString()).as("POST %s answers a named schema", path)
                    .startsWith("#/components/schemas/");
        }
    }

    @Test
    void deletesAre204() {
        for (String path : List.of("/api/v1/tenants/{tenantId}/members/{userId}", "/api/v1/tokens/{id}")) {
            assertThat(successCodes(paths.path(path).path("delete").path("responses"))).as("DELETE %s", path)
                    .containsExactly("204");
        }
    }

    @Test
    void readsStay200() {
        assertThat(successCodes(paths.path("/api/v1/tenants").path("get").path("responses"))).containsExactly("200");
    }

    private static List<String> successCodes(JsonNode responses) {
        return responses.propertyNames().stream().filter(code -> code.startsWith("2")).toList();
    }
}
