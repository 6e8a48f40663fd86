package io.voidvm.image.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.image.support.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Upload to READY, content addressing, and every hostile upload refused with its reason. */
class ImageUploadIT extends ImageServiceIT {


    @TempDir
    Path dir;

    @Test
    void qcow2UploadBecomesReadyWithItsChecksumAndVirtualSize() {
        WebTestClient alice = as(newTenant());
        Path disk = TestImages.markerQcow2(dir, "upload");
        byte[] bytes = read(disk);
        String sha = sha256(bytes);

        Map<String, Object> created = register(alice, body("marker"));
        assertThat(created).containsEntry("status", "UPLOADING").containsEntry("visibility", "PRIVATE")
                .containsEntry("version", "1").containsEntry("osType", "LINUX");
        Map<String, Object> image = upload(alice, (String) created.get("id"), disk);

        assertThat(image).containsEntry("status", "READY").containsEntry("sha256", sha)
                .containsEntry("format", "qcow2").containsEntry("virtualSizeBytes", 1024 * 1024)
                .containsEntry("fileSizeBytes", bytes.length);
        assertThat(blobDir().resolve("sha256").resolve(sha.substring(0, 2)).resolve(sha)).hasBinaryContent(bytes);
        assertNoTempFiles();
    }

    @Test
    void theSameBytesAreStoredOnceAndTheBlobGoesWithTheLastImage() throws Exception {
        WebTestClient alice = as(newTenant());
        WebTestClient bob = as(newTenant());
        Path disk = TestImages.markerQcow2(dir, "shared-" + newId().substring(0, 8));
        String sha = sha256(read(disk));
        Path blob = blobDir().resolve("sha256").resolve(sha.substring(0, 2)).resolve(sha);

        String first = (String) registerAndUpload(alice, "one", disk).get("id");
        long modified = Files.getLastModifiedTime(blob).toMillis();
        String second = (String) registerAndUpload(bob, "two", disk).get("id");
        assertThat(get(bob, second)).containsEntry("sha256", sha).containsEntry("status", "READY");
        try (var files = Files.list(blob.getParent())) {
            assertThat(files.filter(file -> file.getFileName().toString().equals(sha)).count()).isEqualTo(1);
        }
        assertThat(Files.getLastModifiedTime(blob).toMillis()).as("not written again").isEqualTo(modified);

        alice.delete().uri("/api/v1/images/{id}", first).exchange().expectStatus().isNoContent();
        assertThat(blob).as("bob's image still uses it").exists();
        bob.delete().uri("/api/v1/images/{id}", second).exchange().expectStatus().isNoContent();
        assertThat(blob).doesNotExist();
        bob.get().uri("/api/v1/images/{id}", second).exchange().expectStatus().isNotFound();
    }

    @Test
    void hostileImagesAreA422ProblemNamingTheFailedImageAndItsReason() {
        WebTestClient alice = as(newTenant());
        assertFails(alice, "shadow", TestImages.backedByShadow(dir), "backing file");
        assertFails(alice, "external", TestImages.externalDataFile(dir), "external data file");
        assertFails(alice, "truncated", TestImages.truncatedQcow2(dir, 300_000), "truncated or damaged");
        assertFails(alice, "random", TestImages.randomBytes(dir, 100_000), "not a disk image");
        assertFails(alice, "huge", TestImages.qcow2OfVirtualSize(dir, "4G"), "virtual size");
        assertNoTempFiles();
    }

    private void assertFails(WebTestClient client, String name, Path file, String reason) {
        String id = (String) register(client, body(name)).get("id");
        Map<String, Object> problem = json(client.put().uri("/api/v1/images/{id}/file", id)
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(read(file))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Map.class).returnResult().getResponseBody());
        assertThat(problem).containsEntry("code", "unprocessable-content").containsEntry("imageId", id);
        assertThat((String) problem.get("statusReason")).as(name).contains(reason);
        assertThat((String) problem.get("detail")).contains(reason);
        Map<String, Object> image = get(client, id);
        assertThat(image).containsEntry("status", "FAILED").containsEntry("sha256", null)
                .containsEntry("statusReason", problem.get("statusReason"));
    }

    @Test
    void aChecksumMismatchFailsTheImageAndKeepsNothing() {
        WebTestClient alice = as(newTenant());
        Path disk = TestImages.markerQcow2(dir, "mismatch");
        String id = (String) register(alice, body("mismatch")).get("id");
        alice.put().uri("/api/v1/images/{id}/file", id).contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header("X-Image-Sha256", "00".repeat(32))
                .bodyValue(read(disk))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("sha256")
                .jsonPath("$.imageId").isEqualTo(id)
                .jsonPath("$.statusReason").value(reason -> assertThat((String) reason).contains("checksum mismatch"));
        Map<String, Object> image = get(alice, id);
        assertThat(image).containsEntry("status", "FAILED");
        assertThat((String) image.get("statusReason")).contains("checksum mismatch").contains(sha256(read(disk)));
        assertNoTempFiles();
        assertThat(blobDir().resolve("sha256").resolve(sha256(read(disk)).substring(0, 2))
                .resolve(sha256(read(disk)))).doesNotExist();
    }

    @Test
    void theChecksumMayBePromisedAtRegistration() {
        WebTestClient alice = as(newTenant());
        Path disk = TestImages.markerQcow2(dir, "promised");
        Map<String, Object> body = new java.util.HashMap<>(body("promised"));
        body.put("sha256", sha256(read(disk)).toUpperCase());
        String id = (String) register(alice, body).get("id");
        assertThat(upload(alice, id, disk)).containsEntry("status", "READY");
    }

    @Test
    void anOversizedUploadIsRefusedWhileStreamingAndLeavesNothing() {
        String tenant = newTenant();
        WebTestClient alice = as(tenant);
        String id = (String) register(alice, body("oversized")).get("id");
        long chunks = MAX_UPLOAD / CHUNK + 8;
        // chunked: no Content-Length, so only counting the stream can catch it
        ResponseEntity<String> response = stream(tenant, id, zeros(chunks), null);
        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(response.getBody()).contains("payload-too-large").contains("\"imageId\":\"" + id + "\"");
        Map<String, Object> image = get(alice, id);
        assertThat(image).containsEntry("status", "FAILED");
        assertThat((String) image.get("statusReason")).contains("larger than the allowed");
        assertNoTempFiles();
    }

    @Test
    void aDeclaredOversizedUploadIsRefusedBeforeReading() {
        String tenant = newTenant();
        WebTestClient alice = as(tenant);
        String id = (String) register(alice, body("declared")).get("id");
        ResponseEntity<String> response = stream(tenant, id, zeros(MAX_UPLOAD / CHUNK + 1), MAX_UPLOAD + CHUNK);
        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(get(alice, id)).containsEntry("status", "FAILED");
        assertNoTempFiles();
    }

    @Test
    void anUploadLargerThanTheHeapStreamsToDisk() throws Exception {
        long chunks = chunksBeyondTheHeap();
        String expectedSha256 = sha256OfZeros(chunks);
        String tenant = newTenant();
        WebTestClient alice = as(tenant);
        String id = (String) register(alice, body("large")).get("id");
        ResponseEntity<String> response = stream(tenant, id, zeros(chunks), chunks * CHUNK);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        Map<String, Object> image = get(alice, id);
        assertThat(image).containsEntry("status", "READY").containsEntry("format", "raw")
                .containsEntry("sha256", expectedSha256);
        assertThat(((Number) image.get("virtualSizeBytes")).longValue()).isEqualTo(chunks * CHUNK);
        alice.delete().uri("/api/v1/images/{id}", id).exchange().expectStatus().isNoContent();
    }

    @Test
    void anImageTakesOneUploadOnly() {
        WebTestClient alice = as(newTenant());
        Path disk = TestImages.markerQcow2(dir, "once");
        String id = (String) registerAndUpload(alice, "once", disk).get("id");
        alice.put().uri("/api/v1/images/{id}/file", id).contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(read(disk))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.currentState").isEqualTo("READY");
    }

}
