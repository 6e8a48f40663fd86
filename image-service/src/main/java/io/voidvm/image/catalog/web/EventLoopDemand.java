package io.voidvm.image.catalog.web;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.netty.NettyInbound;

/**
 * Runs every {@code request()} towards a multipart body's part events on the connection's event loop, the thread that
 * delivers them. Spring 7.0's {@code PartEventHttpMessageReader} turns each body token into an event with
 * {@code concatMap(token -> Mono.just(event))}, and Reactor's {@code concatMap} without prefetch can repeat one element
 * and drop the next (or drop one) when {@code request()} arrives from another thread while it emits (reactor-core
 * issue 4406, open on 3.8.8). The upload writer asks for its next buffer from its file channel's completion thread,
 * so a large form lost an 8 KiB piece now and then and was stored READY with the wrong bytes. Here a request made on
 * the event loop goes straight up; one from any other thread is queued onto the event loop, so the reader never sees
 * demand and data at once (docs/adr/0015).
 */
final class EventLoopDemand {

    private static final Logger log = LoggerFactory.getLogger(EventLoopDemand.class);

    private EventLoopDemand() {
    }

    /** The part events of {@code request}, with all demand for them made on its connection's event loop. */
    static <T> Flux<T> of(ServerHttpRequest request, Flux<T> events) {
        Optional<Executor> loop = eventLoop(request);
        if (loop.isEmpty()) {
            // not served by Reactor Netty (a mock exchange in a test): said, since the race is then not prevented
            log.warn("no Reactor Netty connection behind {} {}; its part events are requested on any thread",
                    request.getMethod(), request.getPath());
            return events;
        }
        return requestedOn(loop.get(), events);
    }

    /** {@code events}, subscribed and requested on {@code eventLoop} (a single thread, the one that emits them). */
    static <T> Flux<T> requestedOn(Executor eventLoop, Flux<T> events) {
        return events.subscribeOn(Schedulers.fromExecutor(eventLoop), true);
    }

    private static Optional<Executor> eventLoop(ServerHttpRequest request) {
        Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
        if (!(nativeRequest instanceof NettyInbound inbound)) {
            return Optional.empty();
        }
        AtomicReference<Executor> loop = new AtomicReference<>();
        inbound.withConnection(connection -> loop.set(connection.channel().eventLoop()));
        return Optional.ofNullable(loop.get());
    }
}
