package io.voidvm.gateway.ratelimit.domain;

import java.time.Duration;
import java.time.Instant;

/** One key's bucket. Not thread-safe: {@link RateLimitBuckets} serialises access per bucket. */
final class TokenBucket {

    private final RateLimitPolicy policy;
    private double tokens;
    private Instant updated;

    TokenBucket(RateLimitPolicy policy, Instant now) {
        this.policy = policy;
        this.tokens = policy.limit();
        this.updated = now;
    }

    Decision tryTake(Instant now) {
        refill(now);
        boolean allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
        }
        Duration retryAfter = allowed ? Duration.ZERO : timeToGain(1 - tokens);
        return new Decision(policy, allowed, (long) Math.floor(tokens), timeToGain(policy.limit() - tokens),
                retryAfter);
    }

    boolean isFullAt(Instant now) {
        refill(now);
        return tokens >= policy.limit();
    }

    private void refill(Instant now) {
        if (now.isAfter(updated)) {
            long elapsed = Duration.between(updated, now).toNanos();
            tokens = Math.min(policy.limit(), tokens + elapsed * policy.refillPerNano());
            updated = now;
        }
    }

    private Duration timeToGain(double missing) {
        if (missing <= 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil(missing / policy.refillPerNano()));
    }
}
