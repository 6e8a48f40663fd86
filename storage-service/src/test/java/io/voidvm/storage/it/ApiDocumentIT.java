package io.voidvm.storage.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.testsupport.openapi.ApiDocumentRules;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** storage-service's published OpenAPI document reads like a product's: by resource, summarised, with problems. */
class ApiDocumentIT extends StorageServiceIT {

    @Test
    void readsLikeAProductsDocumentGroupedByResource() {
        byte[] document = anonymous().get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();

        assertThat(ApiDocumentRules.violations(document)).isEmpty();
        assertThat(ApiDocumentRules.tags(document)).containsExactly("Storage pools", "Volumes", "Internal");
        JsonNode paths = JsonMapper.builder().build().readTree(document).path("paths");
        JsonNode create = paths.path("/api/v1/storage/{poolId}/volumes").path("post");
        assertThat(create.path("requestBody").path("content").path("application/json").path("example")
                .path("name").asString()).isEqualTo("data-1");
        assertThat(create.path("responses").propertyNames()).contains("201", "409", "422").doesNotContain("200");
        for (String action : new String[] {"attach", "detach"}) {
            assertThat(paths.path("/api/v1/storage/{poolId}/volumes/{id}/" + action).path("post").path("responses")
                    .propertyNames()).as(action).contains("202").doesNotContain("200");
        }
    }
}
