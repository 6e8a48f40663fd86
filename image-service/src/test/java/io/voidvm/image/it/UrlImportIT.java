package io.voidvm.image.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.voidvm.image.support.TestImages;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * URL import from a server on 127.0.0.1, which this context allows through
 * {@code voidvm.image.import.allowed-cidrs} (the default refuses it: {@link SourceUrlRefusalIT}), with at most two
 * imports at once, one per tenant.
 */
@TestPropertySource(properties = {"voidvm.image.import.allowed-cidrs=127.0.0.1/32",
        "voidvm.image.import.max-concurrent=2", "voidvm.image.import.max-concurrent-per-tenant=1"})
class UrlImportIT extends ImageServiceIT {

    @TempDir
    Path dir;

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void serve() throws Exception {
        byte[] disk = read(TestImages.markerQcow2(dir, "import"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/disk.qcow2", exchange -> {
            exchange.sendResponseHeaders(200, disk.length);
            exchange.getResponseBody().write(disk);
            exchange.close();
        });
        // sends half, then waits: the importer's progress shows meanwhile
        server.createContext("/slow.qcow2", exchange -> {
            exchange.sendResponseHeaders(200, disk.length);
            exchange.getResponseBody().write(disk, 0, disk.length / 2);
            exchange.getResponseBody().flush();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseBody().write(disk, disk.length / 2, disk.length - disk.length / 2);
            exchange.close();
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void importsAnAllowedUrlWithProgressAndValidation() {
        WebTestClient alice = as(newTenant());
        Map<String, Object> body = new HashMap<>(body("imported"));
        body.put("sourceUrl", url("/slow.qcow2"));
        Map<String, Object> created = register(alice, body);
        String id = (String) created.get("id");
        assertThat(created).containsEntry("status", "UPLOADING").containsEntry("sourceUrl", url("/slow.qcow2"));

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<?, ?> progress = (Map<?, ?>) get(alice, id).get("progress");
            assertThat(((Number) progress.get("bytesDone")).longValue()).isPositive();
            assertThat(progress.get("bytesTotal")).isNotNull();
        });
        release.countDown();
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get(alice, id)).containsEntry("status", "READY").containsEntry("format", "qcow2"));
        assertNoTempFiles();
    }

    @Test
    void importsPastTheTenantOrServiceLimitAreRefusedWith429AndRegisterNothing() {
        String alice = newTenant();
        String id = (String) register(as(alice), importing("first", "/slow.qcow2")).get("id");
        assertBusy(alice, "tenant", 1);
        String bob = newTenant();
        // an import of an earlier test may still be giving its slot back
        String bobs = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> as(bob).post()
                .uri("/api/v1/images").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(importing("second", "/slow.qcow2")).exchange()
                .returnResult(String.class).getResponseBody().blockFirst(), created -> created.contains("UPLOADING"));
        String bobId = JSON.readTree(bobs).path("id").asString();
        assertBusy(newTenant(), "global", 2);

        release.countDown();
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(get(as(alice), id)).containsEntry("status", "READY");
            assertThat(get(as(bob), bobId)).containsEntry("status", "READY");
        });
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as(alice).post().uri("/api/v1/images").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(importing("third", "/disk.qcow2")).exchange().expectStatus().isCreated());
    }

    private Map<String, Object> importing(String name, String path) {
        Map<String, Object> body = new HashMap<>(body(name));
        body.put("sourceUrl", url(path));
        return body;
    }

    private void assertBusy(String tenant, String scope, int limit) {
        as(tenant).post().uri("/api/v1/images").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(importing("refused-" + scope, "/disk.qcow2")).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectBody()
                .jsonPath("$.code").isEqualTo("too-many-requests")
                .jsonPath("$.scope").isEqualTo(scope)
                .jsonPath("$.limit").isEqualTo(limit);
        assertThat(as(tenant).get().uri("/api/v1/images?limit=100").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).doesNotContain("refused-" + scope);
    }

    @Test
    void aRedirectIsNotFollowed() {
        WebTestClient alice = as(newTenant());
        Map<String, Object> body = new HashMap<>(body("redirected"));
        body.put("sourceUrl", url("/moved"));
        String id = (String) register(alice, body).get("id");
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<String, Object> image = get(alice, id);
            assertThat(image).containsEntry("status", "FAILED");
            assertThat((String) image.get("statusReason")).contains("redirect");
        });
    }
}
