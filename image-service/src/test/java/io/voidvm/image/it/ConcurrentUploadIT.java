package io.voidvm.image.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Many uploads at once, in all four forms (raw PUT chunked and with a length, multipart POST and PUT), while other
 * requests run in the same JVM: every READY answer carries the SHA-256 and size of the bytes the client sent, and
 * every blob on disk hashes to its address. A buffer lost, reused or released too early on the way from the socket
 * to the disk fails it.
 */
class ConcurrentUploadIT extends ImageServiceIT {

    private static final int UPLOADS = Integer.getInteger("voidvm.test.uploads", 64);
    private static final int AT_ONCE = Integer.getInteger("voidvm.test.uploads-at-once", 8);
    private static final int PIECE = 64 * 1024;

    @Test
    void concurrentUploadsAnswerAndStoreExactlyTheBytesSent() {
        WebClient http = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(1024 * 1024)).build();
        String reader = newTenant();
        AtomicInteger otherCalls = new AtomicInteger();
        Disposable traffic = Flux.interval(Duration.ofMillis(3)).onBackpressureDrop()
                .flatMap(tick -> http.get().uri("/api/v1/images?limit=20")
                        .header("Authorization", "Bearer " + PLATFORM.user(reader))
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                        .doOnNext(status -> otherCalls.incrementAndGet())
                        .onErrorResume(error -> Mono.empty()), 4)
                .subscribe();
        List<String> wrong;
        try {
            wrong = Flux.range(0, UPLOADS)
                    .flatMap(i -> upload(http, i), AT_ONCE)
                    .filter(problem -> !problem.isEmpty())
                    .collectList()
                    .block(Duration.ofMinutes(5));
        } finally {
            traffic.dispose();
        }
        assertThat(wrong).as("uploads whose answer or blob differs from the bytes sent").isEmpty();
        assertThat(otherCalls.get()).as("other requests ran meanwhile").isPositive();
        assertNoTempFiles();
    }

    /** One upload of random bytes; an empty string when the answer and the blob are right, else what is wrong. */
    private Mono<String> upload(WebClient http, int index) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] bytes = new byte[512 * random.nextInt(2048, 8192)];
        random.nextBytes(bytes);
        String sha = sha256(bytes);
        String tenant = newTenant();
        String token = "Bearer " + PLATFORM.user(tenant);
        String name = "concurrent-" + index;
        Mono<JsonNode> answer = switch (index % 4) {
            case 0 -> register(http, token, name).flatMap(id -> put(http, token, id, MediaType.APPLICATION_OCTET_STREAM,
                    pieces(bytes), null));
            case 1 -> register(http, token, name).flatMap(id -> put(http, token, id, MediaType.APPLICATION_OCTET_STREAM,
                    pieces(bytes), (long) bytes.length));
            case 2 -> send(http.post().uri("/api/v1/images").header("Authorization", token)
                    .contentType(MediaType.parseMediaType("multipart/form-data; boundary=" + BOUNDARY))
                    .body(form(metadataPart(body(name)), filePart(pieces(bytes))), DataBuffer.class));
            default -> register(http, token, name).flatMap(id -> put(http, token, id,
                    MediaType.parseMediaType("multipart/form-data; boundary=" + BOUNDARY),
                    form(filePart(pieces(bytes))), null));
        };
        return answer.map(image -> check(index, image, sha, bytes.length));
    }

    private String check(int index, JsonNode image, String sha, long size) {
        List<String> problems = new ArrayList<>();
        if (!"READY".equals(image.path("status").asString())) {
            problems.add("status " + image.path("status").asString() + " (" + image.path("statusReason").asString()
                    + image.path("detail").asString() + ")");
        }
        if (!sha.equals(image.path("sha256").asString())) {
            problems.add("sha256 " + image.path("sha256").asString() + " instead of " + sha);
        }
        if (image.path("fileSizeBytes").asLong() != size) {
            problems.add("fileSizeBytes " + image.path("fileSizeBytes").asLong() + " instead of " + size);
        }
        Path blob = blobDir().resolve("sha256").resolve(sha.substring(0, 2)).resolve(sha);
        if (!Files.isRegularFile(blob)) {
            problems.add("no blob at " + sha);
        } else if (!sha.equals(sha256(read(blob)))) {
            problems.add("the blob at " + sha + " hashes to " + sha256(read(blob)));
        }
        return problems.isEmpty() ? "" : "upload " + index + " (form " + index % 4 + "): " + String.join(", ", problems);
    }

    private static Mono<String> register(WebClient http, String token, String name) {
        return http.post().uri("/api/v1/images").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body(name))
                .retrieve().bodyToMono(String.class)
                .map(created -> JSON.readTree(created).path("id").asString());
    }

    private static Mono<JsonNode> put(WebClient http, String token, String id, MediaType type, Flux<DataBuffer> body,
                                      Long length) {
        return send(http.put().uri("/api/v1/images/{id}/file", id).header("Authorization", token).contentType(type)
                .headers(headers -> {
                    if (length != null) {
                        headers.setContentLength(length);
                    }
                })
                .body(body, DataBuffer.class));
    }

    private static Mono<JsonNode> send(WebClient.RequestHeadersSpec<?> request) {
        return request.exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("{}"))
                .map(JSON::readTree);
    }

    /** The bytes as 64 KiB buffers, each a view of the array (nothing is copied on the client's side). */
    private static Flux<DataBuffer> pieces(byte[] bytes) {
        return Flux.range(0, (bytes.length + PIECE - 1) / PIECE)
                .map(k -> DefaultDataBufferFactory.sharedInstance.wrap(ByteBuffer.wrap(bytes, k * PIECE,
                        Math.min(PIECE, bytes.length - k * PIECE))));
    }
}
