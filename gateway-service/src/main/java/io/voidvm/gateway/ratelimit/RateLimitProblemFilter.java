package io.voidvm.gateway.ratelimit;

import io.voidvm.gateway.problem.ProblemWriter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Gives the {@code RequestRateLimiter} filter's bare 429 a problem body. That filter sets the status and
 * completes the response without a body; this decorator, installed before any route filter runs, writes the
 * problem instead of the empty completion and keeps the RateLimit and Retry-After headers already set.
 */
final class RateLimitProblemFilter implements GlobalFilter, Ordered {

    private final ProblemWriter problems;

    RateLimitProblemFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpResponse original = exchange.getResponse();
        ServerHttpResponse decorated = new ServerHttpResponseDecorator(original) {
            @Override
            public Mono<Void> setComplete() {
                if (HttpStatus.TOO_MANY_REQUESTS.equals(getStatusCode()) && !isCommitted()) {
                    String retryAfter = getHeaders().getFirst(RateLimitHeaders.RETRY_AFTER);
                    return problems.write(exchange, original, TooManyRequests.problem(retryAfter));
                }
                return super.setComplete();
            }
        };
        return chain.filter(exchange.mutate().response(decorated).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
