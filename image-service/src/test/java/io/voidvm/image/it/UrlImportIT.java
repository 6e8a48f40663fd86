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
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * URL import from a server on 127.0.0.1, which this context allows through
 * {@code voidvm.image.import.allowed-cidrs} (the default refuses it: {@link SourceUrlRefusalIT}).
 */
@TestPropertySource(properties = "voidvm.image.import.allowed-cidrs=127.0.0.1/32")
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
