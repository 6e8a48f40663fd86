package io.voidvm.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.gateway.ratelimit.domain.Decision;
import io.voidvm.gateway.ratelimit.domain.RateLimitPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {

    private final RateLimitPolicy policy = new RateLimitPolicy("user", 600, Duration.ofMinutes(1));

    @Test
    void allowedRequestGetsPolicyAndStateButNoRetryAfter() {
        Decision decision = new Decision(policy, true, 599, Duration.ofMillis(100), Duration.ZERO);
        assertThat(RateLimitHeaders.of(decision))
                .containsEntry("RateLimit-Policy", "\"user\";q=600;w=60")
                .containsEntry("RateLimit", "\"user\";r=599;t=1")
                .doesNotContainKey("Retry-After");
    }

    @Test
    void deniedRequestGetsRetryAfterOfAtLeastOneSecond() {
        Decision decision = new Decision(policy, false, 0, Duration.ofSeconds(60), Duration.ofMillis(100));
        assertThat(RateLimitHeaders.of(decision))
                .containsEntry("RateLimit", "\"user\";r=0;t=60")
                .containsEntry("Retry-After", "1");
    }
}
