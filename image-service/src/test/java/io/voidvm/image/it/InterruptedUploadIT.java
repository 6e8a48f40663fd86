package io.voidvm.image.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A client that goes away mid-upload (closing or half-closing its connection, never answered with a 5xx), or stops
 * sending and stays connected, leaves a FAILED image and no temp file; the stalled one's connection is closed after
 * {@code voidvm.image.http.read-timeout} (8 s in these tests).
 */
class InterruptedUploadIT extends ImageServiceIT {

    @Test
    void aDisconnectedUploadFailsTheImageAndRemovesTheTempFile() throws Exception {
        String tenant = newTenant();
        WebTestClient alice = as(tenant);
        String id = (String) register(alice, body("interrupted")).get("id");
        long declared = 64L * 1024 * 1024;
        byte[] chunk = new byte[1024 * 1024];
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = startRawPut(socket, tenant, id, declared);
            for (int i = 0; i < 8; i++) {
                out.write(chunk);
            }
            out.flush();
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(tempFiles()).as("the upload is being received").isNotEmpty());
        }
        assertEndsInterrupted(alice, id);
    }

    /**
     * A body shorter than its Content-Length whose client then stops sending (half-closes) but could still read: the
     * client's fault, never a server error; the image ends FAILED ("interrupted").
     */
    @Test
    void aBodyCutShortOfItsContentLengthIsNoServerError() throws Exception {
        String tenant = newTenant();
        WebTestClient alice = as(tenant);
        String id = (String) register(alice, body("short")).get("id");
        String answer;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) Duration.ofSeconds(60).toMillis());
            OutputStream out = startRawPut(socket, tenant, id, 8L * 1024 * 1024);
            out.write(new byte[1024 * 1024]);
            out.flush();
            socket.shutdownOutput();
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
        assertThat(answer).as("the answer, if the server sent one").doesNotStartWith("HTTP/1.1 5");
        assertEndsInterrupted(alice, id);
    }

    @Test
    void aStalledUploadIsCutOffAfterTheReadTimeout() throws Exception {
        String tenant = newTenant();
        WebTestClient alice = as(tenant);
        String id = (String) register(alice, body("stalled")).get("id");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) Duration.ofSeconds(60).toMillis());
            OutputStream out = startRawPut(socket, tenant, id, 8L * 1024 * 1024);
            out.write(new byte[1024 * 1024]);
            out.flush();
            long start = System.nanoTime();
            // the server answers or closes; it never leaves the connection hanging
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // an answer (if any) is read to the end
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(40));
        }
        assertEndsInterrupted(alice, id);
    }

    /** Sends the head of a raw {@code PUT .../file} announcing {@code contentLength} bytes; the body is the caller's. */
    private OutputStream startRawPut(Socket socket, String tenant, String id, long contentLength) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("PUT /api/v1/images/" + id + "/file HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Authorization: Bearer " + PLATFORM.user(tenant) + "\r\n"
                + "Content-Type: application/octet-stream\r\n"
                + "Content-Length: " + contentLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return out;
    }

    /** The image ends FAILED ("interrupted") and no temp file is left. */
    private void assertEndsInterrupted(WebTestClient alice, String id) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> image = get(alice, id);
            assertThat(image).containsEntry("status", "FAILED");
            assertThat((String) image.get("statusReason")).contains("interrupted");
        });
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(this::assertNoTempFiles);
    }
}
