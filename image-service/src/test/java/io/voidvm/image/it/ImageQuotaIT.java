package io.voidvm.image.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.image.support.TestImages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The tenant image quotas through the real HTTP adapter, against {@link StubPlatform}'s auth-service quota API:
 * {@code images} at registration, {@code imageGb} on the bytes (up front with a Content-Length, while streaming
 * without one, and in the multipart form), usage reported after every change, 503 naming auth-service when it is
 * down. Refusals leave nothing on disk.
 */
class ImageQuotaIT extends ImageServiceIT {

    @TempDir
    Path dir;

    @Test
    void theImagesQuotaRefusesTheRegistrationPastItAndUsageFollowsCreatesAndDeletes() {
        String tenant = newTenant();
        PLATFORM.imageQuota(tenant, 1, 100);
        WebTestClient alice = as(tenant);
        String id = (String) register(alice, body("first")).get("id");
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(PLATFORM.usage(tenant)).containsEntry("images", 1L).containsEntry("imageGb", 0L));

        alice.post().uri("/api/v1/images").contentType(MediaType.APPLICATION_JSON).bodyValue(body("second"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("quota-exceeded").jsonPath("$.quota").isEqualTo("images")
                .jsonPath("$.limit").isEqualTo(1).jsonPath("$.used").isEqualTo(1).jsonPath("$.requested").isEqualTo(1);
        assertThat(listOf(alice, tenant)).isEqualTo(1);

        alice.delete().uri("/api/v1/images/{id}", id).exchange().expectStatus().isNoContent();
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(PLATFORM.usage(tenant)).containsEntry("images", 0L));
        register(alice, body("second"));
    }

    @Test
    void anUploadWithinTheImageGbQuotaIsReportedInGibRoundedUp() {
        String tenant = newTenant();
        PLATFORM.imageQuota(tenant, 10, 1);
        WebTestClient alice = as(tenant);
        Path disk = TestImages.markerQcow2(dir, "within");
        String id = (String) registerAndUpload(alice, "within", disk).get("id");

        assertThat(get(alice, id)).containsEntry("status", "READY");
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(PLATFORM.usage(tenant)).containsEntry("images", 1L).containsEntry("imageGb", 1L));
        alice.delete().uri("/api/v1/images/{id}", id).exchange().expectStatus().isNoContent();
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(PLATFORM.usage(tenant)).containsEntry("images", 0L).containsEntry("imageGb", 0L));
    }

    @Test
    void aDeclaredSizeOverTheImageGbQuotaIsRefusedBeforeReadingAndTheImageStillWaits() {
        String tenant = newTenant();
        PLATFORM.imageQuota(tenant, 10, 0);
        WebTestClient alice = as(tenant);
        Path disk = TestImages.markerQcow2(dir, "declared");
        String id = (String) register(alice, body("declared")).get("id");

        alice.put().uri("/api/v1/images/{id}/file", id).contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(read(disk))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("quota-exceeded").jsonPath("$.quota").isEqualTo("imageGb")
                .jsonPath("$.limit").isEqualTo(0).jsonPath("$.requested").isEqualTo(1);
        assertThat(get(alice, id)).containsEntry("status", "UPLOADING");
        assertNoTempFiles();

        PLATFORM.imageQuota(tenant, 10, 1);
        assertThat(upload(alice, id, disk)).as("with room, the same image takes its upload")
                .containsEntry("status", "READY");
    }

    @Test
    void aStreamPastTheImageGbQuotaIsRefusedWhileStreamingRawOrAsAFormAndLeavesNothing() {
        String tenant = newTenant();
        PLATFORM.imageQuota(tenant, 10, 0);
        String raw = (String) register(as(tenant), body("chunked")).get("id");

        ResponseEntity<String> chunked = stream(tenant, raw, zeros(4), null);
        assertThat(chunked.getStatusCode().value()).as(chunked.getBody()).isEqualTo(409);
        JsonNode problem = JSON.readTree(chunked.getBody());
        assertThat(problem.path("quota").asString()).isEqualTo("imageGb");
        assertThat(get(as(tenant), raw)).containsEntry("status", "FAILED");

        ResponseEntity<String> form = streamForm(tenant, null,
                form(metadataPart(body("form-over")), filePart(zeros(4))));
        assertThat(form.getStatusCode().value()).as(form.getBody()).isEqualTo(409);
        assertThat(JSON.readTree(form.getBody()).path("quota").asString()).isEqualTo("imageGb");
        assertNoTempFiles();
    }

    @Test
    void publicImagesCountAgainstNoTenant() {
        int checks = PLATFORM.quotaChecks();
        Map<String, Object> image = register(asPlatform(), Map.of("name", "public-" + newId().substring(0, 8),
                "osType", "LINUX", "visibility", "PUBLIC"));
        assertThat(image).containsEntry("visibility", "PUBLIC");
        assertThat(PLATFORM.quotaChecks()).isEqualTo(checks);
    }

    @Test
    void withAuthServiceDownARegistrationIsA503NamingItAndNothingIsCreated() {
        String tenant = newTenant();
        WebTestClient alice = as(tenant);
        PLATFORM.authDown(true);
        try {
            alice.post().uri("/api/v1/images").contentType(MediaType.APPLICATION_JSON).bodyValue(body("down"))
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().exists("Retry-After")
                    .expectBody().jsonPath("$.code").isEqualTo("service-unavailable")
                    .jsonPath("$.service").isEqualTo("auth-service");
        } finally {
            PLATFORM.authDown(false);
        }
        assertThat(listOf(alice, tenant)).isZero();
    }

    private static int listOf(WebTestClient client, String tenant) {
        JsonNode page = JSON.readTree(client.get().uri("/api/v1/images?limit=100").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        int count = 0;
        for (JsonNode image : page.path("items")) {
            if (tenant.equals(image.path("tenantId").asString())) {
                count++;
            }
        }
        return count;
    }

}
