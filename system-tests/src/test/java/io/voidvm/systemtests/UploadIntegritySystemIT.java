package io.voidvm.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.systemtests.harness.AccessTokens;
import io.voidvm.systemtests.harness.OnSharedPlatform;
import io.voidvm.systemtests.harness.SharedPlatform;
import io.voidvm.systemtests.harness.Tenant;
import io.voidvm.systemtests.harness.VoidvmApi;
import io.voidvm.testsupport.qemu.RequiresQemu;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Upload integrity under load (issue 10): 100 uploads of random bytes through the gateway, in four forms (raw PUT
 * with a length and chunked, multipart POST and PUT), four at once, while other requests (lists, reads) run: every
 * READY answer carries the SHA-256 the client computed, and every stored blob hashes to its address. Each image is
 * deleted once checked, so the tenants' image quotas hold.
 */
@RequiresQemu
@OnSharedPlatform
class UploadIntegritySystemIT {

    private static final int UPLOADS = 100;
    private static final int AT_ONCE = 4;
    private static final String BOUNDARY = "voidvm-integrity-5c1d";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static SharedPlatform platform;

    @BeforeAll
    static void platform(SharedPlatform shared) {
        platform = shared;
    }

    @Test
    void everyReadyAnswerCarriesTheClientsChecksumAndEveryBlobHashesToItsAddress() throws Exception {
        List<Tenant> tenants = List.of(platform.newTenant("upload-a"), platform.newTenant("upload-b"));
        List<AccessTokens> tokens = tenants.stream()
                .map(tenant -> new AccessTokens(platform.tokens(), tenant.user())).toList();
        List<VoidvmApi> uploaders = tokens.stream()
                .map(token -> new VoidvmApi(platform.gateway().baseUrl(), token)).toList();
        VoidvmApi reader = platform.newTenant("upload-reader").api();
        AtomicBoolean uploading = new AtomicBoolean(true);
        AtomicInteger otherCalls = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE + 1);
        try {
            Future<?> traffic = pool.submit(() -> {
                while (uploading.get()) {
                    reader.call("GET", "/api/v1/images?limit=50", null).expect(200);
                    otherCalls.incrementAndGet();
                }
            });
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < UPLOADS; i++) {
                int index = i;
                outcomes.add(pool.submit(() -> upload(uploaders.get(index % 2), tokens.get(index % 2), index)));
            }
            List<String> wrong = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                String problem = outcome.get(2, TimeUnit.MINUTES);
                if (!problem.isEmpty()) {
                    wrong.add(problem);
                }
            }
            uploading.set(false);
            traffic.get(1, TimeUnit.MINUTES);
            assertThat(wrong).as("uploads whose answer or blob differ from the bytes sent").isEmpty();
            assertThat(otherCalls.get()).as("other requests ran meanwhile").isPositive();
        } finally {
            uploading.set(false);
            pool.shutdownNow();
        }
    }

    /** One upload; an empty string when the answer and the blob are right, else what is wrong. */
    private static String upload(VoidvmApi api, AccessTokens token, int index) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] bytes = new byte[512 * random.nextInt(2048, 8192)];
        random.nextBytes(bytes);
        String sha256 = sha256(bytes);
        String name = "integrity-" + index + "-" + UUID.randomUUID().toString().substring(0, 8);
        String metadata = "{\"name\":\"" + name + "\",\"osType\":\"OTHER\"}";
        JsonNode image = switch (index % 4) {
            case 0 -> api.call("PUT", "/api/v1/images/" + register(api, metadata) + "/file",
                    "application/octet-stream", bytes).expect(200).body();
            case 1 -> putChunked(token, register(api, metadata), bytes);
            case 2 -> api.call("POST", "/api/v1/images", "multipart/form-data; boundary=" + BOUNDARY,
                    form(metadata, bytes)).expect(201).body();
            default -> api.call("PUT", "/api/v1/images/" + register(api, metadata) + "/file",
                    "multipart/form-data; boundary=" + BOUNDARY, form(null, bytes)).expect(200).body();
        };
        List<String> problems = new ArrayList<>();
        if (!"READY".equals(image.path("status").asString())) {
            problems.add("status " + image.path("status").asString() + " (" + image.path("statusReason").asString()
                    + ")");
        }
        if (!sha256.equals(image.path("sha256").asString())) {
            problems.add("sha256 " + image.path("sha256").asString() + " instead of " + sha256);
        }
        Path blob = platform.imageBlob(sha256);
        if (!Files.isRegularFile(blob)) {
            problems.add("no blob at its address");
        } else if (!sha256.equals(sha256(Files.readAllBytes(blob)))) {
            problems.add("the blob at " + sha256 + " hashes to " + sha256(Files.readAllBytes(blob)));
        }
        api.call("GET", "/api/v1/images/" + image.path("id").asString(), null).expect(200);
        api.call("DELETE", "/api/v1/images/" + image.path("id").asString(), null).expect(204);
        return problems.isEmpty() ? "" : "upload " + index + " (form " + index % 4 + "): " + String.join(", ", problems);
    }

    private static String register(VoidvmApi api, String metadata) {
        return api.call("POST", "/api/v1/images", metadata).expect(201).text("id");
    }

    /** The raw PUT without a length: the JDK client sends a body of unknown length chunked. */
    private static JsonNode putChunked(AccessTokens token, String id, byte[] bytes)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.gateway().baseUrl() + "/api/v1/images/" + id
                        + "/file"))
                .timeout(Duration.ofMinutes(1))
                .header("Authorization", "Bearer " + token.get())
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        }
    }

    /** A multipart form: the metadata part (when given), then the file part. */
    private static byte[] form(String metadata, byte[] bytes) throws IOException {
        ByteArrayOutputStream form = new ByteArrayOutputStream(bytes.length + 1024);
        if (metadata != null) {
            form.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                    + "Content-Type: application/json\r\n\r\n" + metadata + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        form.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"disk.img\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        form.write(bytes);
        form.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return form.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
