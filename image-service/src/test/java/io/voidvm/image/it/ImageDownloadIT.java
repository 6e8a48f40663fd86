package io.voidvm.image.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.image.support.TestImages;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/images/{id}/file}: who may download, the headers, ranges, conditional requests, streaming. */
class ImageDownloadIT extends ImageServiceIT {

    @TempDir
    Path dir;

    @Test
    void theOwnerDownloadsTheFileWithItsChecksumAsETagAndASafeName() {
        WebTestClient alice = as(newTenant());
        Path disk = TestImages.markerQcow2(dir, "download");
        byte[] bytes = read(disk);
        Map<String, Object> metadata = new HashMap<>(body("../etc/\"pass wd\";x"));
        String id = (String) register(alice, metadata).get("id");
        upload(alice, id, disk);

        byte[] body = alice.get().uri("/api/v1/images/{id}/file", id).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .expectHeader().contentLength(bytes.length)
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + sha256(bytes) + "\"")
                .expectHeader().valueEquals(HttpHeaders.ACCEPT_RANGES, "bytes")
                .expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"etc_pass_wd_x.qcow2\"")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(body).isEqualTo(bytes);

        alice.head().uri("/api/v1/images/{id}/file", id).exchange()
                .expectStatus().isOk()
                .expectHeader().contentLength(bytes.length)
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + sha256(bytes) + "\"")
                .expectBody().isEmpty();
    }

    @Test
    void oneRangeIsA206AndARangeBeyondTheFileA416Problem() {
        WebTestClient alice = as(newTenant());
        Path disk = TestImages.markerQcow2(dir, "range");
        byte[] bytes = read(disk);
        String id = (String) registerAndUpload(alice, "range", disk).get("id");
        String etag = "\"" + sha256(bytes) + "\"";

        assertThat(range(alice, id, "bytes=100-299", null, 206, "bytes 100-299/" + bytes.length))
                .isEqualTo(Arrays.copyOfRange(bytes, 100, 300));
        assertThat(range(alice, id, "bytes=-10", etag, 206, "bytes " + (bytes.length - 10) + "-" + (bytes.length - 1)
                + "/" + bytes.length)).isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 10, bytes.length));
        assertThat(range(alice, id, "bytes=" + (bytes.length - 5) + "-99999999999999999999999", null, 206,
                "bytes " + (bytes.length - 5) + "-" + (bytes.length - 1) + "/" + bytes.length))
                .isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 5, bytes.length));
        // the file changed since the client's first part (If-Range names another tag), several ranges: the whole file
        assertThat(range(alice, id, "bytes=0-9", "\"" + "0".repeat(64) + "\"", 200, null)).isEqualTo(bytes);
        assertThat(range(alice, id, "bytes=0-9,20-29", null, 200, null)).isEqualTo(bytes);

        for (String unsatisfiable : new String[] {"bytes=" + bytes.length + "-", "bytes=-0", "bytes=9-3", "bytes=x-y"}) {
            alice.get().uri("/api/v1/images/{id}/file", id).header(HttpHeaders.RANGE, unsatisfiable).exchange()
                    .expectStatus().isEqualTo(416)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes */" + bytes.length)
                    .expectBody()
                    .jsonPath("$.code").isEqualTo("range-not-satisfiable")
                    .jsonPath("$.sizeBytes").isEqualTo(bytes.length);
        }
    }

    @Test
    void ifNoneMatchWithTheChecksumIsA304() {
        WebTestClient alice = as(newTenant());
        Path disk = TestImages.markerQcow2(dir, "etag");
        String sha = sha256(read(disk));
        String id = (String) registerAndUpload(alice, "etag", disk).get("id");

        for (String tag : new String[] {"\"" + sha + "\"", "W/\"" + sha + "\"", "\"other\", \"" + sha + "\"", "*"}) {
            alice.get().uri("/api/v1/images/{id}/file", id).header(HttpHeaders.IF_NONE_MATCH, tag).exchange()
                    .expectStatus().isNotModified()
                    .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + sha + "\"")
                    .expectBody().isEmpty();
        }
        alice.get().uri("/api/v1/images/{id}/file", id).header(HttpHeaders.IF_NONE_MATCH, "\"" + "0".repeat(64) + "\"")
                .exchange().expectStatus().isOk();
    }

    @Test
    void publicImagesForEveryoneAnotherTenantsPrivateOneIsNotFoundAndOnlyReadyImagesHaveAFile() {
        WebTestClient alice = as(newTenant());
        WebTestClient bob = as(newTenant());
        Path disk = TestImages.markerQcow2(dir, "visible");
        String privateId = (String) registerAndUpload(alice, "private", disk).get("id");
        Map<String, Object> published = new HashMap<>(body("public-" + newId().substring(0, 8)));
        published.put("visibility", "PUBLIC");
        String publicId = (String) register(asPlatform(), published).get("id");
        upload(asPlatform(), publicId, disk);

        bob.get().uri("/api/v1/images/{id}/file", privateId).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("not-found");
        bob.get().uri("/api/v1/images/{id}/file", newId()).exchange().expectStatus().isNotFound();
        assertThat(bob.get().uri("/api/v1/images/{id}/file", publicId).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody()).isEqualTo(read(disk));

        String waiting = (String) register(alice, body("waiting")).get("id");
        alice.get().uri("/api/v1/images/{id}/file", waiting).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.currentState").isEqualTo("UPLOADING");
        String refused = (String) register(alice, body("refused")).get("id");
        alice.put().uri("/api/v1/images/{id}/file", refused).contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(read(TestImages.randomBytes(dir, 1000))).exchange().expectStatus().is4xxClientError();
        alice.get().uri("/api/v1/images/{id}/file", refused).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.currentState").isEqualTo("FAILED");
    }

    @Test
    void aFileLargerThanTheHeapStreamsOut() throws Exception {
        long chunks = chunksBeyondTheHeap();
        String tenant = newTenant();
        String id = (String) register(as(tenant), body("large-download")).get("id");
        ResponseEntity<String> uploaded = stream(tenant, id, zeros(chunks), chunks * CHUNK);
        assertThat(uploaded.getStatusCode().value()).as(uploaded.getBody()).isEqualTo(200);

        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        AtomicLong received = new AtomicLong();
        ResponseEntity<Void> response = WebClient.create("http://127.0.0.1:" + port).get()
                .uri("/api/v1/images/{id}/file", id)
                .header("Authorization", "Bearer " + PLATFORM.user(tenant))
                .exchangeToMono(answer -> answer.bodyToFlux(DataBuffer.class)
                        .doOnNext(buffer -> {
                            try (var iterator = buffer.readableByteBuffers()) {
                                iterator.forEachRemaining(digest::update);
                            }
                            received.addAndGet(buffer.readableByteCount());
                            DataBufferUtils.release(buffer);
                        })
                        .then(Mono.fromSupplier(() -> ResponseEntity.status(answer.statusCode())
                                .headers(answer.headers().asHttpHeaders()).<Void>build())))
                .block(Duration.ofMinutes(3));

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentLength()).isEqualTo(chunks * CHUNK);
        assertThat(received.get()).isEqualTo(chunks * CHUNK);
        assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(sha256OfZeros(chunks));
        as(tenant).delete().uri("/api/v1/images/{id}", id).exchange().expectStatus().isNoContent();
    }

    private static byte[] range(WebTestClient client, String id, String range, String ifRange, int status,
                                String contentRange) {
        var spec = client.get().uri("/api/v1/images/{id}/file", id).header(HttpHeaders.RANGE, range)
                .headers(headers -> {
                    if (ifRange != null) {
                        headers.set(HttpHeaders.IF_RANGE, ifRange);
                    }
                })
                .exchange()
                .expectStatus().isEqualTo(status);
        if (contentRange != null) {
            spec.expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, contentRange);
        }
        return spec.expectBody(byte[].class).returnResult().getResponseBody();
    }
}
