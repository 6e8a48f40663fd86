package io.voidvm.nodeagent.volume;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * image-service's blob endpoint and Keycloak's token endpoint on 127.0.0.1, for tests: serves Range requests,
 * answers 401 without the bearer token it issued, can break a download off midway, can hold a download
 * until released, can trickle a full response one byte at a time, and can fall silent midway.
 */
final class FakeImageService implements AutoCloseable {

    static final String CLIENT_ID = "voidvm-platform";
    static final String CLIENT_SECRET = "s3cret";
    static final String TOKEN = "token-" + System.nanoTime();

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    final List<String> blobRequests = new CopyOnWriteArrayList<>();
    final AtomicInteger tokenRequests = new AtomicInteger();
    final AtomicInteger unauthorized = new AtomicInteger();
    /** When positive, the next full (non-range) response breaks off after this many bytes. */
    volatile int breakAfter;
    /** When set, blob responses wait for it. */
    volatile CountDownLatch hold;
    /** When set, full responses send one byte per this interval (announcing the whole length). */
    volatile java.time.Duration trickle;
    /** When positive, the next full response sends this many bytes and then nothing until {@link #silence} ends. */
    volatile int silentAfter;
    final CountDownLatch silence = new CountDownLatch(1);

    FakeImageService() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/token", this::token);
        server.createContext("/internal/v1/blobs/", this::blob);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    URI tokenUrl() {
        return baseUrl().resolve("/token");
    }

    void put(String sha256, byte[] content) {
        blobs.put(sha256, content);
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                || !body.contains("grant_type=client_credentials")) {
            send(exchange, 401, "{\"error\":\"invalid_client\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, 200, ("{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private void blob(HttpExchange exchange) throws IOException {
        String range = exchange.getRequestHeaders().getFirst("Range");
        blobRequests.add(range == null ? "full" : range);
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            unauthorized.incrementAndGet();
            send(exchange, 401, new byte[0]);
            return;
        }
        String sha = exchange.getRequestURI().getPath().substring("/internal/v1/blobs/".length());
        byte[] content = blobs.get(sha);
        if (content == null) {
            send(exchange, 404, new byte[0]);
            return;
        }
        awaitRelease();
        Matcher matcher = range == null ? null : RANGE.matcher(range);
        if (matcher != null && matcher.matches()) {
            int from = Integer.parseInt(matcher.group(1));
            if (from >= content.length) {
                exchange.getResponseHeaders().set("Content-Range", "bytes */" + content.length);
                send(exchange, 416, new byte[0]);
                return;
            }
            exchange.getResponseHeaders().set("Content-Range",
                    "bytes " + from + "-" + (content.length - 1) + "/" + content.length);
            send(exchange, 206, java.util.Arrays.copyOfRange(content, from, content.length));
            return;
        }
        if (trickle != null) {
            trickle(exchange, content, trickle);
            return;
        }
        int silent = silentAfter;
        if (silent > 0) {
            silentAfter = 0;
            sendPart(exchange, content, silent);
            try {
                silence.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        int cut = breakAfter;
        if (cut > 0) {
            breakAfter = 0;
            sendPart(exchange, content, cut);
            // fewer bytes than announced: the server drops the connection, the client sees a broken transfer
            exchange.close();
            return;
        }
        send(exchange, 200, content);
    }

    /** Announces the whole blob and sends its first {@code bytes}. */
    private static void sendPart(HttpExchange exchange, byte[] content, int bytes) throws IOException {
        exchange.sendResponseHeaders(200, content.length);
        OutputStream out = exchange.getResponseBody();
        out.write(content, 0, bytes);
        out.flush();
    }

    private static void trickle(HttpExchange exchange, byte[] content, java.time.Duration interval) {
        try {
            exchange.sendResponseHeaders(200, content.length);
            OutputStream out = exchange.getResponseBody();
            for (byte b : content) {
                out.write(b);
                out.flush();
                Thread.sleep(interval);
            }
            out.close();
        } catch (IOException e) {
            // the client gave up: what a trickling server sees
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private void awaitRelease() {
        CountDownLatch latch = hold;
        if (latch != null) {
            try {
                latch.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
