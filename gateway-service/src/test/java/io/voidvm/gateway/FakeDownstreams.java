package io.voidvm.gateway;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.netty.buffer.Unpooled;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * One real HTTP server per downstream service, shared by every test in the JVM. Each answers
 * {@code <service> <method> <uri>} and records what it saw, so a test can tell which service a route reached
 * and with which credentials. Paths steer behaviour: {@code .../slow} answers after 5 s, {@code GET ...?trickle}
 * streams {@value #TRICKLE_CHUNKS} KiB, one every {@code TRICKLE_EVERY} (a long download),
 * {@code .../status/503} with that status, {@code .../flaky/N/<id>} fails N times with 503 and then succeeds,
 * {@code .../missing-<id>} with a 404 problem, as a service answers for another tenant's resource.
 * WebSocket paths ({@code /api/v1/events}, {@code /api/v1/vms/{id}/console}) send one message and then wait
 * for the client to close.
 */
final class FakeDownstreams {

    static final List<String> SERVICES = List.of("vm", "auth", "image", "network", "storage", "monitoring");
    static final int TRICKLE_CHUNKS = 8;
    static final Duration TRICKLE_EVERY = Duration.ofMillis(500);

    private static FakeDownstreams shared;

    private final Map<String, Service> services = new LinkedHashMap<>();

    private FakeDownstreams() {
        SERVICES.forEach(name -> services.put(name, new Service(name)));
    }

    static synchronized FakeDownstreams shared() {
        if (shared == null) {
            shared = new FakeDownstreams();
        }
        return shared;
    }

    String baseUri(String service) {
        return "http://127.0.0.1:" + service(service).port;
    }

    /** Closes the listening socket: connections to the service are refused from now on. */
    void stop(String service) {
        service(service).stop();
    }

    /** Listens again on the same port. */
    void restart(String service) {
        service(service).start();
    }

    List<Seen> seen(String service) {
        return List.copyOf(service(service).seen);
    }

    Seen last(String service) {
        List<Seen> all = seen(service);
        if (all.isEmpty()) {
            throw new AssertionError(service + " has seen no request");
        }
        return all.getLast();
    }

    long count(String service, String uri) {
        return service(service).seen.stream().filter(seen -> seen.uri().equals(uri)).count();
    }

    private Service service(String name) {
        Service service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no fake service " + name);
        }
        return service;
    }

    /** A request as the service saw it; header names lower-case. */
    record Seen(String method, String uri, Map<String, String> headers, long bodyBytes) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private static final class Service {

        private static final Pattern STATUS = Pattern.compile(".*/status/(\\d{3})$");
        private static final Pattern FLAKY = Pattern.compile(".*/flaky/(\\d+)/[^/]+$");

        private final String name;
        private final Queue<Seen> seen = new ConcurrentLinkedQueue<>();
        private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        private volatile int port;
        private volatile DisposableServer server;

        Service(String name) {
            this.name = name;
            start();
        }

        synchronized void start() {
            server = HttpServer.create()
                    .host("127.0.0.1")
                    // so that stop() also closes kept-alive connections, as a killed process would
                    .channelGroup(new DefaultChannelGroup(GlobalEventExecutor.INSTANCE))
                    .port(port)
                    .route(routes -> routes
                            .ws("/api/v1/events", this::websocket)
                            .ws("/api/v1/vms/{id}/console", this::websocket)
                            .route(request -> true, this::handle))
                    .bindNow();
            port = server.port();
        }

        synchronized void stop() {
            server.disposeNow(Duration.ofSeconds(5));
        }

        private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
            Map<String, String> headers = new LinkedHashMap<>();
            request.requestHeaders().forEach(h -> headers.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
            String uri = request.uri();
            return request.receive().map(buffer -> (long) buffer.readableBytes()).reduce(0L, Long::sum)
                    .flatMap(bytes -> {
                        seen.add(new Seen(request.method().name(), uri, Map.copyOf(headers), bytes));
                        return respond(request, response, uri);
                    });
        }

        private Mono<Void> respond(HttpServerRequest request, HttpServerResponse response, String uri) {
            String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
            if (path.substring(path.lastIndexOf('/') + 1).startsWith("missing-")) {
                return response.status(HttpResponseStatus.NOT_FOUND)
                        .header("Content-Type", "application/problem+json")
                        .sendString(Mono.just("{\"type\":\"https://voidvm.io/problems/not-found\",\"title\":"
                                + "\"Not found\",\"status\":404,\"detail\":\"" + name + " has no such resource\","
                                + "\"code\":\"not-found\"}"))
                        .then();
            }
            if (uri.endsWith("?trickle") && "GET".equals(request.method().name())) {
                return response.status(HttpResponseStatus.OK)
                        .header("Content-Type", "application/octet-stream")
                        .header("Content-Length", String.valueOf(TRICKLE_CHUNKS * 1024))
                        .send(Flux.interval(TRICKLE_EVERY).take(TRICKLE_CHUNKS)
                                .map(tick -> Unpooled.wrappedBuffer(new byte[1024])))
                        .then();
            }
            Matcher status = STATUS.matcher(path);
            Matcher flaky = FLAKY.matcher(path);
            int code = 200;
            if (status.matches()) {
                code = Integer.parseInt(status.group(1));
            } else if (flaky.matches()
                    && attempts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet()
                    <= Integer.parseInt(flaky.group(1))) {
                code = 503;
            }
            Mono<Void> reply = response.status(HttpResponseStatus.valueOf(code))
                    .header("Content-Type", "text/plain")
                    .sendString(Mono.just(name + " " + request.method().name() + " " + uri))
                    .then();
            return path.endsWith("/slow") ? Mono.delay(Duration.ofSeconds(5)).then(reply) : reply;
        }

        private Publisher<Void> websocket(WebsocketInbound in, WebsocketOutbound out) {
            String authorization = in.headers().get("Authorization");
            boolean bearer = authorization != null && authorization.startsWith("Bearer ");
            // stays open until the client closes, like a live event stream
            return out.sendString(Mono.just(name + " ws bearer=" + bearer)).then(in.receive().then());
        }
    }
}
