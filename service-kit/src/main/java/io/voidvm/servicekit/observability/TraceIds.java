package io.voidvm.servicekit.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * The trace id of the request being served. Read from the HTTP server observation stored on the exchange
 * rather than from thread-locals, because an error handler may run on a thread the trace context was never
 * restored to.
 */
public final class TraceIds {

    private TraceIds() {
    }

    public static Optional<String> of(ServerWebExchange exchange) {
        Optional<String> fromObservation = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(Span::context)
                .map(spanContext -> spanContext.traceId())
                .filter(id -> !id.isBlank());
        return fromObservation.or(() -> Optional.ofNullable(MDC.get("traceId")));
    }
}
