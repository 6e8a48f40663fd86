package io.voidvm.gateway.resilience;

import io.voidvm.gateway.problem.Problem;
import io.voidvm.gateway.problem.ProblemWriter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers for a route whose circuit breaker gave up (open, timed out, or the call failed): 503 or 504 problem
 * naming the service, which it reads from the route the forwarded exchange still carries.
 */
final class FallbackHandler implements HandlerFunction<ServerResponse> {

    private final ProblemWriter problems;

    FallbackHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<ServerResponse> handle(ServerRequest request) {
        ServerWebExchange exchange = request.exchange();
        String service = UpstreamFailures.serviceOf(exchange);
        Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        Problem problem = UpstreamFailures.problemFor(service == null ? "the service" : service, failure);
        return ServerResponse.status(problem.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problems.toJson(problem, UpstreamFailures.originalPath(exchange)));
    }
}
