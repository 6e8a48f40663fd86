package io.voidvm.servicekit.problem;

import io.voidvm.servicekit.observability.TraceIds;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The last stop of every failed request: maps the error to a problem and writes it. Ordered before Boot's
 * error handler so no HTML or Boot error JSON ever leaves a service. Server faults are logged with the trace
 * id; client faults only at debug, they are the client's to fix.
 */
public final class ProblemExceptionHandler implements WebExceptionHandler {

    /** Before Boot's {@code DefaultErrorWebExceptionHandler} (-1) and WebFlux's status handler (0). */
    public static final int ORDER = -2;

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemMapper mapper;
    private final ProblemWriter writer;

    public ProblemExceptionHandler(ProblemMapper mapper, ProblemWriter writer) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        ServerHttpRequest request = exchange.getRequest();
        Problem problem = mapper.map(error, request);
        if (problem.status() >= 500) {
            logServerFault(exchange, error, problem);
        } else if (log.isDebugEnabled()) {
            log.debug("{} {} answered {} {}: {}", request.getMethod(), request.getPath().value(),
                    problem.status(), problem.type().code(), error.toString());
        }
        return writer.write(exchange, problem);
    }

    private static void logServerFault(ServerWebExchange exchange, Throwable error, Problem problem) {
        ServerHttpRequest request = exchange.getRequest();
        String traceId = TraceIds.of(exchange).orElse(null);
        // the handler may run where the trace context was not restored: put the id where the log format finds it
        boolean setTraceId = traceId != null && MDC.get("traceId") == null;
        if (setTraceId) {
            MDC.put("traceId", traceId);
        }
        try {
            log.error("{} {} failed with {} ({})", request.getMethod(), request.getPath().value(),
                    problem.status(), problem.type().code(), error);
        } finally {
            if (setTraceId) {
                MDC.remove("traceId");
            }
        }
    }
}
