package io.voidvm.gateway.ratelimit.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code limit} requests per {@code window}, refilled continuously, with bursts of up to {@code limit}.
 *
 * @param name what the policy is called in {@code RateLimit-Policy} headers ({@code user}, {@code ip}, ...)
 */
public record RateLimitPolicy(String name, long limit, Duration window) {

    public RateLimitPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(window, "window");
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("policy name must be a lower-case token, was '" + name + "'");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit of policy " + name + " must be at least 1, was " + limit);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window of policy " + name + " must be positive, was " + window);
        }
    }

    /** Tokens added per nanosecond. */
    double refillPerNano() {
        return (double) limit / window.toNanos();
    }
}
