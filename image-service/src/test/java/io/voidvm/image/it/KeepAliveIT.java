package io.voidvm.image.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One kept-alive HTTP/1.1 connection carrying requests whose answers come at different speeds, written to the socket
 * by hand so the order on the wire is the test's, not a client pool's. A request that arrives before the previous
 * request's handling has ended is queued by the server; one that is answered at once from that queue must not leave
 * the connection unread (Reactor Netty 1.3.6 did: the next request on it hung until the client gave up), and a
 * queued upload must arrive whole.
 */
class KeepAliveIT extends ImageServiceIT {

    private static final int SOCKET_TIMEOUT_MS = 10_000;

    /**
     * A slow answer (a list from the database), then, sent before it, one answered at once on the event loop (no
     * token: 401), then a third request: each gets its answer.
     */
    @RepeatedTest(5)
    void aRequestAfterAQueuedQuickAnswerIsRead() throws IOException {
        String token = PLATFORM.user(newTenant());
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            out.write((get("/api/v1/images?limit=5", token) + get("/api/v1/images?limit=5", null))
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(in).status()).isEqualTo(200);
            assertThat(readResponse(in).status()).isEqualTo(401);

            out.write(get("/api/v1/images?limit=1", token).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(in).status()).as("the third request on the connection is answered").isEqualTo(200);
        }
    }

    /** An upload queued behind a slower request on the same connection arrives byte for byte. */
    @Test
    void anUploadQueuedBehindAnotherRequestArrivesWhole() throws IOException {
        String tenant = newTenant();
        String token = PLATFORM.user(tenant);
        String id = (String) register(as(tenant), body("queued-upload")).get("id");
        byte[] bytes = new byte[512 * 2048];
        ThreadLocalRandom.current().nextBytes(bytes);
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            out.write((get("/api/v1/images?limit=5", token) + "PUT /api/v1/images/" + id + "/file HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n"
                    + "Content-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int offset = 0; offset < bytes.length; offset += 64 * 1024) {
                int length = Math.min(64 * 1024, bytes.length - offset);
                out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes, offset, length);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(in).status()).isEqualTo(200);
            Response upload = readResponse(in);
            assertThat(upload.status()).as(upload.body()).isEqualTo(200);
            JsonNode image = JSON.readTree(upload.body());
            assertThat(image.path("sha256").asString()).isEqualTo(sha256(bytes));
            assertThat(image.path("fileSizeBytes").asLong()).isEqualTo(bytes.length);
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(SOCKET_TIMEOUT_MS);
        return socket;
    }

    private static String get(String path, String token) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
    }

    record Response(int status, String body) {
    }

    /** One HTTP/1.1 response (Content-Length or chunked); a read that times out fails the test. */
    static Response readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        long length = 0;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(header.substring("content-length:".length()).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0;
                 size = Integer.parseInt(line(in).trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
            line(in);
        } else {
            body.write(in.readNBytes(Math.toIntExact(length)));
        }
        return new Response(status, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
