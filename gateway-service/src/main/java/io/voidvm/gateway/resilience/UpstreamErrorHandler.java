package io.voidvm.gateway.resilience;

import io.voidvm.gateway.problem.ErrorProblems;
import io.voidvm.gateway.problem.ProblemWriter;
import io.voidvm.gateway.requestsize.PayloadTooLargeException;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Problem answers for errors that escape the circuit breaker's fallback: routes without one (image uploads,
 * whose bodies must stream rather than be cached for a replay) and oversized chunked bodies. Anything else
 * goes on to {@link ErrorProblems}.
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
        return Mono.error(failure);
    }

    /** Ahead of ErrorProblems (-2) and Boot's DefaultErrorWebExceptionHandler (-1). */
    @Override
    public int getOrder() {
        return ErrorProblems.ORDER - 1;
    }
}
