package io.voidvm.gateway.ratelimit;

import io.voidvm.gateway.problem.ProblemWriter;
import io.voidvm.gateway.ratelimit.domain.Decision;
import io.voidvm.gateway.ratelimit.domain.RateLimitBuckets;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * The stricter per-address limit on the login flow. These paths are served by Spring Security, not by a
 * gateway route, so the {@code RequestRateLimiter} filter never sees them; this filter runs before the
 * security chain, so a flood is turned away before it costs a session or a call to Keycloak.
 */
final class LoginRateLimitWebFilter implements WebFilter, Ordered {

    /** Before Spring Security's WebFilterChainProxy (-100). */
    static final int ORDER = -150;

    private final RateLimitBuckets buckets;
    private final ClientAddressResolver addresses;
    private final ProblemWriter problems;
    private final List<PathPattern> paths;

    LoginRateLimitWebFilter(RateLimitBuckets buckets, ClientAddressResolver addresses, ProblemWriter problems,
                            List<String> pathPatterns) {
        this.buckets = buckets;
        this.addresses = addresses;
        this.problems = problems;
        this.paths = pathPatterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        if (paths.stream().noneMatch(pattern -> pattern.matches(path))) {
            return chain.filter(exchange);
        }
        Decision decision = buckets.tryAcquire("ip:" + addresses.addressOf(exchange));
        RateLimitHeaders.of(decision).forEach(exchange.getResponse().getHeaders()::add);
        if (decision.allowed()) {
            return chain.filter(exchange);
        }
        String retryAfter = exchange.getResponse().getHeaders().getFirst(RateLimitHeaders.RETRY_AFTER);
        return problems.write(exchange, TooManyRequests.problem(retryAfter));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
