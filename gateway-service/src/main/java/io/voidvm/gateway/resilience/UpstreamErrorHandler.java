package io.voidvm.gateway.resilience;

import io.voidvm.gateway.problem.GatewayProblem;
import io.voidvm.gateway.problem.Problem;
import io.voidvm.gateway.problem.ProblemWriter;
import io.voidvm.gateway.requestsize.PayloadTooLargeException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Problem answers for errors that escape the circuit breaker's fallback: routes without one (image uploads,
 * whose bodies must stream rather than be cached for a replay), oversized chunked bodies, and {@code /api}
 * paths no route serves. Anything else goes on to Boot's error handler.
 */
final class UpstreamErrorHandler implements WebExceptionHandler, Ordered {

    private final ProblemWriter problems;

    UpstreamErrorHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        String service = UpstreamFailures.serviceOf(exchange);
        if (service != null || failure instanceof PayloadTooLargeException) {
            return problems.write(exchange, UpstreamFailures.problemFor(service, failure));
        }
        if (exchange.getRequest().getPath().value().startsWith("/api/")
                && failure instanceof ResponseStatusException status
                && status.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
            return problems.write(exchange, Problem.of(GatewayProblem.NOT_FOUND, "No API resource at this path"));
        }
        return Mono.error(failure);
    }

    /** Ahead of Boot's DefaultErrorWebExceptionHandler (-1). */
    @Override
    public int getOrder() {
        return -2;
    }
}
