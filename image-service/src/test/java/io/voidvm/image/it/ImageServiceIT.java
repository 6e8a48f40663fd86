package io.voidvm.image.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.image.config.ImageProperties;
import io.voidvm.testsupport.junit.WithKafka;
import io.voidvm.testsupport.junit.WithPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of image-service's integration tests: the whole service on a real port, against the real PostgreSQL (and
 * Kafka) from test-support, real qemu-img, and {@link StubPlatform} for tokens and storage-service. Requests go
 * over real HTTP with signed bearer tokens, so uploads stream exactly as in production. Every test uses tenants
 * of its own.
 */
@WithPostgres
@WithKafka
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "voidvm.image.blob-store-dir=target/it-blobs/images-${random.uuid}",
        "voidvm.image.max-upload-size=512MB",
        "voidvm.image.max-virtual-size=1GB",
        "voidvm.image.http.read-timeout=8s"})
public abstract class ImageServiceIT {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    protected static final StubPlatform PLATFORM = StubPlatform.shared();
    protected static final long MAX_UPLOAD = 512L * 1024 * 1024;
    /** The size of the zero-filled chunks streamed uploads are made of. */
    protected static final int CHUNK = 1024 * 1024;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        PLATFORM.properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @Value("${local.server.port}")
    protected int port;

    @Autowired
    protected ImageProperties properties;

    protected WebTestClient client(String token) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofMinutes(3))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .defaultHeader("Authorization", "Bearer " + token)
                .build();
    }

    protected WebTestClient as(String tenant) {
        return client(PLATFORM.user(tenant));
    }

    protected WebTestClient asPlatform() {
        return client(PLATFORM.platform());
    }

    /**
     * Streams an upload with a plain WebClient: WebTestClient records request bodies for its diagnostics, which
     * would hold a large upload in this JVM's heap.
     */
    protected ResponseEntity<String> stream(String tenant, String id, Flux<DataBuffer> body, Long contentLength) {
        return WebClient.create("http://127.0.0.1:" + port).put().uri("/api/v1/images/{id}/file", id)
                .header("Authorization", "Bearer " + PLATFORM.user(tenant))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .headers(headers -> {
                    if (contentLength != null) {
                        headers.setContentLength(contentLength);
                    }
                })
                .body(body, DataBuffer.class)
                .exchangeToMono(response -> response.toEntity(String.class))
                .block(Duration.ofMinutes(3));
    }

    protected static final String BOUNDARY = "voidvm-test-form-7f3a";

    /** Posts (or puts, with an id) a hand-made multipart stream, never held in this JVM's heap. */
    protected ResponseEntity<String> streamForm(String tenant, String putId, Flux<DataBuffer> form) {
        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        var request = putId == null ? client.post().uri("/api/v1/images")
                : client.put().uri("/api/v1/images/{id}/file", putId);
        return request.header("Authorization", "Bearer " + PLATFORM.user(tenant))
                .contentType(MediaType.parseMediaType("multipart/form-data; boundary=" + BOUNDARY))
                .body(form, DataBuffer.class)
                .exchangeToMono(response -> response.toEntity(String.class))
                .block(Duration.ofMinutes(3));
    }

    /** One part: its headers, its content, the line break before the next boundary. */
    protected static Flux<DataBuffer> part(String name, String filename, String contentType, Flux<DataBuffer> content) {
        String headers = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + "\r\n";
        return Flux.concat(Flux.just(text(headers)), content, Flux.just(text("\r\n")));
    }

    protected static Flux<DataBuffer> metadataPart(Map<String, Object> metadata) {
        return part("metadata", null, "application/json", Flux.just(text(JSON.writeValueAsString(metadata))));
    }

    protected static Flux<DataBuffer> filePart(Flux<DataBuffer> content) {
        return part("file", "disk.img", "application/octet-stream", content);
    }

    @SafeVarargs
    protected static Flux<DataBuffer> form(Flux<DataBuffer>... parts) {
        return Flux.concat(Flux.concat(parts), Flux.just(text("--" + BOUNDARY + "--\r\n")));
    }

    protected static DataBuffer text(String text) {
        return DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    protected static Flux<DataBuffer> bytes(byte[] bytes) {
        return Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes));
    }

    protected static String newTenant() {
        return "t" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 8);
    }

    protected static Map<String, Object> body(String name) {
        return Map.of("name", name, "description", "test image", "osType", "LINUX", "version", "1");
    }

    @SuppressWarnings("unchecked")
    protected static Map<String, Object> json(Object body) {
        return (Map<String, Object>) body;
    }

    protected Map<String, Object> register(WebTestClient client, Map<String, Object> body) {
        return json(client.post().uri("/api/v1/images").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    protected Map<String, Object> upload(WebTestClient client, String id, Path file) {
        return json(client.put().uri("/api/v1/images/{id}/file", id)
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(read(file))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    /** Registers and uploads in one go; returns the image as the upload answered. */
    protected Map<String, Object> registerAndUpload(WebTestClient client, String name, Path file) {
        String id = (String) register(client, body(name)).get("id");
        return upload(client, id, file);
    }

    protected Map<String, Object> get(WebTestClient client, String id) {
        return json(client.get().uri("/api/v1/images/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    protected static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    protected Path blobDir() {
        return properties.blobStoreDir();
    }

    /** Files under the blob store's tmp directory: an upload that ended leaves none. */
    protected List<Path> tempFiles() {
        try (Stream<Path> files = Files.list(blobDir().resolve("tmp"))) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected void assertNoTempFiles() {
        assertThat(tempFiles()).isEmpty();
    }

    protected static String newId() {
        return UUID.randomUUID().toString();
    }

    /** How many {@link #CHUNK}s make an upload 32 MiB larger than this JVM's heap (which image-service shares). */
    protected static long chunksBeyondTheHeap() {
        long heap = Runtime.getRuntime().maxMemory();
        long chunks = heap / CHUNK + 32;
        assertThat(chunks * CHUNK).as("larger than this JVM's heap, which image-service shares")
                .isGreaterThan(heap).isLessThan(MAX_UPLOAD);
        return chunks;
    }

    /** The SHA-256 (hex) of {@code chunks} zero-filled {@link #CHUNK}s. */
    protected static String sha256OfZeros(long chunks) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] zero = new byte[CHUNK];
            for (long i = 0; i < chunks; i++) {
                digest.update(zero);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code chunks} MiB of zeros in 64 KiB buffers. The client shares this JVM, its heap and its direct memory
     * with image-service: with 1 MiB buffers the client's send-ahead (Reactor Netty prefetches buffers while the
     * server writes to disk) once exhausted the direct memory and closed the connection mid-upload.
     */
    protected static Flux<DataBuffer> zeros(long chunks) {
        int piece = 64 * 1024;
        return Flux.range(0, Math.toIntExact(chunks * (CHUNK / piece)))
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[piece]));
    }
}
