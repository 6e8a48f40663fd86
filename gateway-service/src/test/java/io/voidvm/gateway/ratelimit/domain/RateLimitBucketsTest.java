package io.voidvm.gateway.ratelimit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.testsupport.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimitBucketsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final RateLimitPolicy sixPerMinute = new RateLimitPolicy("user", 6, Duration.ofMinutes(1));

    @Test
    void allowsABurstOfTheLimitThenDeniesWithTheTimeToTheNextToken() {
        RateLimitBuckets buckets = new RateLimitBuckets(sixPerMinute, clock, 100);
        for (int i = 5; i >= 0; i--) {
            Decision decision = buckets.tryAcquire("alice");
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).isEqualTo(i);
        }
        Decision denied = buckets.tryAcquire("alice");
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.remaining()).isZero();
        assertThat(denied.retryAfter()).isEqualTo(Duration.ofSeconds(10));
        assertThat(denied.resetAfter()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void refillsContinuously() {
        RateLimitBuckets buckets = new RateLimitBuckets(sixPerMinute, clock, 100);
        for (int i = 0; i < 6; i++) {
            buckets.tryAcquire("alice");
        }
        clock.advance(Duration.ofSeconds(9));
        assertThat(buckets.tryAcquire("alice").allowed()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        Decision again = buckets.tryAcquire("alice");
        assertThat(again.allowed()).isTrue();
        assertThat(again.remaining()).isZero();
    }

    @Test
    void keysHaveSeparateBuckets() {
        RateLimitBuckets buckets = new RateLimitBuckets(new RateLimitPolicy("ip", 1, Duration.ofSeconds(1)), clock, 100);
        assertThat(buckets.tryAcquire("a").allowed()).isTrue();
        assertThat(buckets.tryAcquire("a").allowed()).isFalse();
        assertThat(buckets.tryAcquire("b").allowed()).isTrue();
    }

    @Test
    void idleBucketsAreDroppedOnceTheMapIsFull() {
        RateLimitBuckets buckets = new RateLimitBuckets(new RateLimitPolicy("ip", 2, Duration.ofSeconds(1)), clock, 3);
        buckets.tryAcquire("a");
        buckets.tryAcquire("b");
        buckets.tryAcquire("c");
        assertThat(buckets.size()).isEqualTo(3);
        clock.advance(Duration.ofSeconds(1));
        buckets.tryAcquire("d");
        assertThat(buckets.size()).isEqualTo(1);
    }

    @Test
    void busyBucketsSurviveEviction() {
        RateLimitBuckets buckets = new RateLimitBuckets(new RateLimitPolicy("ip", 2, Duration.ofMinutes(1)), clock, 1);
        buckets.tryAcquire("a");
        buckets.tryAcquire("b");
        assertThat(buckets.tryAcquire("a").remaining()).isZero();
    }

    @Test
    void policyRejectsNonsense() {
        assertThatThrownBy(() -> new RateLimitPolicy("user", 0, Duration.ofMinutes(1)))
                .hasMessageContaining("limit of policy user");
        assertThatThrownBy(() -> new RateLimitPolicy("user", 1, Duration.ZERO))
                .hasMessageContaining("window of policy user");
        assertThatThrownBy(() -> new RateLimitPolicy("Not A Token", 1, Duration.ofSeconds(1)))
                .hasMessageContaining("lower-case token");
    }

    @Test
    void ceilSecondsRoundsUp() {
        assertThat(Decision.ceilSeconds(Duration.ofMillis(7500))).isEqualTo(8);
        assertThat(Decision.ceilSeconds(Duration.ofSeconds(12))).isEqualTo(12);
        assertThat(Decision.ceilSeconds(Duration.ZERO)).isZero();
    }
}
