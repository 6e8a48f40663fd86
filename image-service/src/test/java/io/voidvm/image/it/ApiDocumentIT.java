package io.voidvm.image.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.testsupport.openapi.ApiDocumentRules;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** image-service's published OpenAPI document reads like a product's: by resource, summarised, with problems. */
class ApiDocumentIT extends ImageServiceIT {

    @Test
    void readsLikeAProductsDocumentGroupedByResource() {
        byte[] document = asPlatform().get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();

        assertThat(ApiDocumentRules.violations(document)).isEmpty();
        assertThat(ApiDocumentRules.tags(document)).containsExactly("Images", "Internal");
        JsonNode paths = JSON.readTree(document).path("paths");
        assertThat(paths.path("/api/v1/images").path("post").path("requestBody").path("content")
                .path("application/json").path("example").path("name").asString()).isEqualTo("debian");
        assertThat(paths.path("/api/v1/images/{id}").path("delete").path("responses").propertyNames())
                .contains("204", "404", "409").doesNotContain("200");
        assertThat(paths.path("/internal/v1/blobs/{sha256}").path("get").path("tags").path(0).asString())
                .isEqualTo("Internal");
    }
}
