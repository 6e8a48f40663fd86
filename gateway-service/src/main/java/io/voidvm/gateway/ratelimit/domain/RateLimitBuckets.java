package io.voidvm.gateway.ratelimit.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The buckets of one policy, keyed by user or address. Memory stays bounded: once {@code maxKeys} buckets
 * exist, full (idle) ones are dropped, which loses nothing because a new bucket starts full.
 */
public final class RateLimitBuckets {

    private final RateLimitPolicy policy;
    private final Clock clock;
    private final int maxKeys;
    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimitBuckets(RateLimitPolicy policy, Clock clock, int maxKeys) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be at least 1, was " + maxKeys);
        }
        this.maxKeys = maxKeys;
    }

    public RateLimitPolicy policy() {
        return policy;
    }

    public Decision tryAcquire(String key) {
        Objects.requireNonNull(key, "key");
        Instant now = clock.instant();
        if (buckets.size() >= maxKeys) {
            evictIdle(now);
        }
        TokenBucket bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(policy, now));
        synchronized (bucket) {
            return bucket.tryTake(now);
        }
    }

    /** Number of keys tracked, for tests and metrics. */
    public int size() {
        return buckets.size();
    }

    private void evictIdle(Instant now) {
        buckets.values().removeIf(bucket -> {
            synchronized (bucket) {
                return bucket.isFullAt(now);
            }
        });
    }
}
