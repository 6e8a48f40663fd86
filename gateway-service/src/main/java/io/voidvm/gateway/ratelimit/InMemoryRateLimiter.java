package io.voidvm.gateway.ratelimit;

import io.voidvm.gateway.ratelimit.domain.Decision;
import io.voidvm.gateway.ratelimit.domain.RateLimitBuckets;
import io.voidvm.gateway.ratelimit.domain.RateLimitPolicy;
import java.util.Map;
import java.util.Objects;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;

/**
 * Spring Cloud Gateway's {@link RateLimiter} over one policy's in-memory buckets. The route id is ignored on
 * purpose: a user's budget covers the whole API, not each service separately.
 */
public final class InMemoryRateLimiter implements RateLimiter<RateLimitPolicy> {

    private final RateLimitBuckets buckets;

    public InMemoryRateLimiter(RateLimitBuckets buckets) {
        this.buckets = Objects.requireNonNull(buckets, "buckets");
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        return Mono.fromSupplier(() -> {
            Decision decision = buckets.tryAcquire(id);
            return new Response(decision.allowed(), RateLimitHeaders.of(decision));
        });
    }

    @Override
    public Map<String, RateLimitPolicy> getConfig() {
        // one policy for all routes, set from typed properties rather than per-route filter args
        return Map.of();
    }

    @Override
    public Class<RateLimitPolicy> getConfigClass() {
        return RateLimitPolicy.class;
    }

    @Override
    public RateLimitPolicy newConfig() {
        return buckets.policy();
    }
}
