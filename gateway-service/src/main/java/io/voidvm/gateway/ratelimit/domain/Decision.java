package io.voidvm.gateway.ratelimit.domain;

import java.time.Duration;

/**
 * The outcome for one request.
 *
 * @param remaining  whole tokens left after this request
 * @param resetAfter until the bucket is full again
 * @param retryAfter until the next request would pass; zero when this one did
 */
public record Decision(RateLimitPolicy policy, boolean allowed, long remaining, Duration resetAfter,
                       Duration retryAfter) {

    /** Whole seconds, rounded up, as HTTP headers want them; never 0 for a positive duration. */
    public static long ceilSeconds(Duration duration) {
        long seconds = duration.getSeconds();
        return duration.getNano() > 0 ? seconds + 1 : seconds;
    }
}
