package io.voidvm.image.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.image.blob.store.BlobStore;
import io.voidvm.image.support.TestImages;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * The multipart form of an upload: metadata and file in one POST (or the file part alone in the PUT), streamed
 * like the raw body, with the raw body's hostile cases, and a 400 naming the part for every broken form.
 */
class MultipartUploadIT extends ImageServiceIT {


    @TempDir
    Path dir;

    @Test
    void oneFormRegistersAndUploadsAndAnswersTheImageReady() {
        WebTestClient alice = as(newTenant());
        Path disk = TestImages.markerQcow2(dir, "form");
        String sha = sha256(read(disk));
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("metadata", body("form-marker"), MediaType.APPLICATION_JSON);
        form.part("file", new FileSystemResource(disk));

        var created = alice.post().uri("/api/v1/images").contentType(MediaType.MULTIPART_FORM_DATA)
                .bodyValue(form.build())
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult();

        Map<String, Object> image = json(created.getResponseBody());
        assertThat(created.getResponseHeaders().getLocation()).hasPath("/api/v1/images/" + image.get("id"));
        assertThat(image).containsEntry("status", "READY").containsEntry("sha256", sha)
                .containsEntry("format", "qcow2").containsEntry("name", "form-marker");
        assertThat(blobDir().resolve("sha256").resolve(sha.substring(0, 2)).resolve(sha)).hasBinaryContent(read(disk));
        assertNoTempFiles();
    }

    @Test
    void theMetadataMayBeAPlainTextFieldAndThePutTakesTheFilePartAlone() {
        String tenant = newTenant();
        WebTestClient alice = as(tenant);
        Path disk = TestImages.markerQcow2(dir, "text-field");
        ResponseEntity<String> created = streamForm(tenant, null, form(
                part("metadata", null, null, Flux.just(text(JSON.writeValueAsString(body("text-field"))))),
                filePart(bytes(read(disk)))));
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        assertThat(JSON.readTree(created.getBody()).path("status").asString()).isEqualTo("READY");

        String id = (String) register(alice, body("put-form")).get("id");
        ResponseEntity<String> put = streamForm(tenant, id, form(filePart(bytes(read(disk)))));
        assertThat(put.getStatusCode().value()).as(put.getBody()).isEqualTo(200);
        assertThat(get(alice, id)).containsEntry("status", "READY").containsEntry("sha256", sha256(read(disk)));
        assertNoTempFiles();
    }

    @Test
    void aFormLargerThanTheHeapStreamsToDisk() throws Exception {
        long chunks = chunksBeyondTheHeap();
        String expectedSha256 = sha256OfZeros(chunks);
        String tenant = newTenant();
        ResponseEntity<String> response = streamForm(tenant, null,
                form(metadataPart(body("large-form")), filePart(zeros(chunks))));

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        JsonNode image = JSON.readTree(response.getBody());
        assertThat(image.path("status").asString()).isEqualTo("READY");
        assertThat(image.path("sha256").asString()).isEqualTo(expectedSha256);
        assertThat(image.path("fileSizeBytes").asLong()).isEqualTo(chunks * CHUNK);
        as(tenant).delete().uri("/api/v1/images/{id}", image.path("id").asString()).exchange()
                .expectStatus().isNoContent();
        assertNoTempFiles();
    }

    /**
     * Form after form of bytes that differ everywhere (a repeated or dropped piece changes their checksum, which it
     * would not in zeros) is stored exactly: the answer's SHA-256 and the blob on disk are the sent file's. Before the
     * multipart reader's demand was kept on the event loop ({@code EventLoopDemand}) a large form now and then lost a
     * piece here; {@code EventLoopDemandTest} reproduces that race reliably, this checks the whole way through.
     */
    @Test
    void formsOfVaryingBytesAreStoredExactly() throws Exception {
        int forms = 6;
        int chunks = 32;
        String tenant = newTenant();
        for (int round = 0; round < forms; round++) {
            long seed = ThreadLocalRandom.current().nextLong();
            ResponseEntity<String> response = streamForm(tenant, null,
                    form(metadataPart(body("varying-" + round)), filePart(varying(seed, chunks))));

            assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
            JsonNode image = JSON.readTree(response.getBody());
            String sent = sha256OfVarying(seed, chunks);
            assertThat(image.path("status").asString()).isEqualTo("READY");
            assertThat(image.path("sha256").asString()).as("form %d", round).isEqualTo(sent);
            assertThat(BlobStore.sha256Of(blobDir().resolve("sha256").resolve(sent.substring(0, 2)).resolve(sent)))
                    .as("form %d: the blob on disk", round).isEqualTo(sent);
            as(tenant).delete().uri("/api/v1/images/{id}", image.path("id").asString()).exchange()
                    .expectStatus().isNoContent();
        }
        assertNoTempFiles();
    }

    @Test
    void aChecksumMismatchPromisedInTheMetadataFailsTheImageAndKeepsNothing() {
        String tenant = newTenant();
        Path disk = TestImages.markerQcow2(dir, "form-mismatch");
        Map<String, Object> metadata = new HashMap<>(body("form-mismatch"));
        metadata.put("sha256", "00".repeat(32));

        ResponseEntity<String> response = streamForm(tenant, null,
                form(metadataPart(metadata), filePart(bytes(read(disk)))));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(JSON.readTree(response.getBody()).path("errors").path(0).path("field").asString())
                .isEqualTo("sha256");
        Map<String, Object> image = only(tenant);
        assertThat(image).containsEntry("status", "FAILED");
        assertThat((String) image.get("statusReason")).contains("checksum mismatch");
        String sha = sha256(read(disk));
        assertThat(blobDir().resolve("sha256").resolve(sha.substring(0, 2)).resolve(sha)).doesNotExist();
        assertNoTempFiles();
    }

    @Test
    void aFileThatIsNoDiskImageIsA422NamingTheImageTheFormRegistered() {
        String tenant = newTenant();
        ResponseEntity<String> response = streamForm(tenant, null,
                form(metadataPart(body("not-a-disk")), filePart(bytes(read(TestImages.randomBytes(dir, 1000))))));

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(422);
        JsonNode problem = JSON.readTree(response.getBody());
        assertThat(problem.path("code").asString()).isEqualTo("unprocessable-content");
        Map<String, Object> image = only(tenant);
        assertThat(problem.path("imageId").asString()).isEqualTo(image.get("id"));
        assertThat(image).containsEntry("status", "FAILED")
                .containsEntry("statusReason", problem.path("statusReason").asString());
        assertNoTempFiles();
    }

    @Test
    void anOversizedFilePartIsRefusedWhileStreamingAndLeavesNothing() {
        String tenant = newTenant();
        ResponseEntity<String> response = streamForm(tenant, null,
                form(metadataPart(body("oversized-form")), filePart(zeros(MAX_UPLOAD / CHUNK + 8))));

        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(response.getBody()).contains("payload-too-large");
        Map<String, Object> image = only(tenant);
        assertThat(image).containsEntry("status", "FAILED");
        assertThat((String) image.get("statusReason")).contains("larger than the allowed");
        assertNoTempFiles();
    }

    @Test
    void aFormCutOffMidFileFailsTheImageAndRemovesTheTempFile() throws Exception {
        String tenant = newTenant();
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + JSON.writeValueAsString(body("cut-off")) + "\r\n--"
                + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"disk.img\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/images HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "Authorization: Bearer " + PLATFORM.user(tenant) + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
                    + "Content-Length: " + (64L * CHUNK) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(head);
            for (int i = 0; i < 8; i++) {
                out.write(new byte[CHUNK]);
            }
            out.flush();
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(tempFiles()).as("the file part is being received").isNotEmpty());
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> image = only(tenant);
            assertThat(image).containsEntry("status", "FAILED");
            assertThat((String) image.get("statusReason")).contains("interrupted");
        });
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(this::assertNoTempFiles);
    }

    @Test
    void aBrokenFormIsA400NamingThePartAndRegistersNothing() {
        Flux<DataBuffer> disk = bytes(new byte[4096]);
        Map<String, Object> unknownField = new HashMap<>(body("unknown"));
        unknownField.put("colour", "blue");
        Map<String, Object> imported = new HashMap<>(body("imported"));
        imported.put("sourceUrl", "https://example.com/disk.img");
        Map<String, Flux<DataBuffer>> cases = new java.util.LinkedHashMap<>();
        cases.put("metadata", form(filePart(disk), metadataPart(body("file-first"))));
        cases.put("file", form(metadataPart(body("no-file"))));
        cases.put("meta", form(part("meta", null, "application/json",
                Flux.just(text(JSON.writeValueAsString(body("wrong-name"))))), filePart(disk)));
        cases.put("metadata ", form(metadataPart(body("twice")), metadataPart(body("twice")), filePart(disk)));
        cases.put("metadata  ", form(part("metadata", null, "application/json", Flux.just(text("{\"name\":"))),
                filePart(disk)));
        cases.put("metadata.colour", form(metadataPart(unknownField), filePart(disk)));
        cases.put("name", form(metadataPart(Map.of("osType", "LINUX")), filePart(disk)));
        cases.put("sourceUrl", form(metadataPart(imported), filePart(disk)));
        cases.put("file ", form(metadataPart(body("text-file")), part("file", null, null, bytes("abc".getBytes()))));
        cases.put("metadata   ", form(part("metadata", null, "application/json",
                Flux.just(text("{\"description\":\"" + "x".repeat(70 * 1024) + "\"}"))), filePart(disk)));

        cases.forEach((field, broken) -> {
            String tenant = newTenant();
            ResponseEntity<String> response = streamForm(tenant, null, broken);
            assertThat(response.getStatusCode().value()).as("%s: %s", field, response.getBody()).isEqualTo(400);
            JsonNode problem = JSON.readTree(response.getBody());
            assertThat(problem.path("errors").path(0).path("field").asString()).as(response.getBody())
                    .isEqualTo(field.strip());
            assertThat(images(tenant)).as("nothing registered for %s", field).isEmpty();
        });
        assertNoTempFiles();
    }

    @Test
    void aSecondFilePartFailsTheImageWithA400AndKeepsNothing() {
        String tenant = newTenant();
        Path disk = TestImages.markerQcow2(dir, "two-files");
        ResponseEntity<String> response = streamForm(tenant, null, form(metadataPart(body("two-files")),
                filePart(bytes(read(disk))), filePart(bytes(read(disk)))));

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        assertThat(JSON.readTree(response.getBody()).path("errors").path(0).path("field").asString())
                .isEqualTo("file");
        Map<String, Object> image = only(tenant);
        assertThat(image).containsEntry("status", "FAILED");
        assertThat((String) image.get("statusReason")).contains("more than one file part");
        assertNoTempFiles();
    }

    @Test
    void theDocumentListsBothFormsOfEachUpload() {
        JsonNode paths = JSON.readTree(asPlatform().get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).path("paths");
        assertThat(paths.path("/api/v1/images").path("post").path("requestBody").path("content").propertyNames())
                .contains("application/json", "multipart/form-data");
        assertThat(paths.path("/api/v1/images/{id}/file").path("put").path("requestBody").path("content")
                .propertyNames()).contains("application/octet-stream", "multipart/form-data");
    }

    @Test
    void anotherTenantsImageIsNotFoundBeforeItsFormIsRead() {
        String id = (String) register(as(newTenant()), body("not-yours")).get("id");
        ResponseEntity<String> response = streamForm(newTenant(), id, Flux.just(text("not a form at all")));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(404);
    }

    /** {@code chunks} MiB of pseudo-random bytes from {@code seed}, in 64 KiB buffers (see {@link #zeros}). */
    private static Flux<DataBuffer> varying(long seed, int chunks) {
        int piece = 64 * 1024;
        SplittableRandom random = new SplittableRandom(seed);
        return Flux.range(0, chunks * (CHUNK / piece)).map(i -> {
            byte[] bytes = new byte[piece];
            random.nextBytes(bytes);
            return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
        });
    }

    private static String sha256OfVarying(long seed, int chunks) {
        MessageDigest digest = sha256Digest();
        varying(seed, chunks).toIterable().forEach(buffer -> {
            try (DataBuffer.ByteBufferIterator views = buffer.readableByteBuffers()) {
                views.forEachRemaining(digest::update);
            }
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Map<String, Object>> images(String tenant) {
        Map<String, Object> page = json(as(tenant).get().uri("/api/v1/images?limit=100").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        return items.stream().filter(image -> tenant.equals(image.get("tenantId"))).toList();
    }

    private Map<String, Object> only(String tenant) {
        List<Map<String, Object>> images = images(tenant);
        assertThat(images).hasSize(1);
        return images.getFirst();
    }

}
