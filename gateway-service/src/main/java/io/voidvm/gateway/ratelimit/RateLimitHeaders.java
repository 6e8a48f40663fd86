package io.voidvm.gateway.ratelimit;

import io.voidvm.gateway.ratelimit.domain.Decision;
import io.voidvm.gateway.ratelimit.domain.RateLimitPolicy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The IETF {@code RateLimit} and {@code RateLimit-Policy} fields (draft-ietf-httpapi-ratelimit-headers)
 * plus {@code Retry-After} on a denial. Both fields are structured-field lists, so the user and the address
 * policy can each add an item and the client sees both.
 */
final class RateLimitHeaders {

    static final String POLICY = "RateLimit-Policy";
    static final String STATE = "RateLimit";
    static final String RETRY_AFTER = "Retry-After";

    private RateLimitHeaders() {
    }

    static Map<String, String> of(Decision decision) {
        RateLimitPolicy policy = decision.policy();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(POLICY, "\"" + policy.name() + "\";q=" + policy.limit() + ";w="
                + Decision.ceilSeconds(policy.window()));
        headers.put(STATE, "\"" + policy.name() + "\";r=" + decision.remaining() + ";t="
                + Decision.ceilSeconds(decision.resetAfter()));
        if (!decision.allowed()) {
            headers.put(RETRY_AFTER, Long.toString(Math.max(1, Decision.ceilSeconds(decision.retryAfter()))));
        }
        return headers;
    }
}
