package io.voidvm.gateway.ratelimit;

import io.voidvm.gateway.ratelimit.domain.RateLimitPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Rate limits ({@code voidvm.gateway.rate-limit.*}). Counters live in this process (ADR 0004); several
 * replicas need a shared store.
 *
 * @param perUser        per authenticated principal (token {@code sub}), on every API route
 * @param perIp          per client address, on every API route
 * @param login          per client address on {@code loginPaths}, before any authentication runs
 * @param loginPaths     path patterns of the login flow ({@code /oauth2/authorization/**}, ...)
 * @param trustedProxies how many reverse proxies in front of the gateway append to {@code X-Forwarded-For};
 *                       0 means the TCP peer is the client and the header is ignored (it could be forged)
 * @param maxKeys        buckets per policy before idle ones are dropped
 */
@Validated
@ConfigurationProperties("voidvm.gateway.rate-limit")
public record RateLimitProperties(
        @NotNull @Valid Limit perUser,
        @NotNull @Valid Limit perIp,
        @NotNull @Valid Limit login,
        @NotEmpty List<String> loginPaths,
        @Min(0) @Max(10) int trustedProxies,
        @Positive int maxKeys) {

    /** {@code limit} requests per {@code window}, with bursts up to {@code limit}. */
    public record Limit(@Positive long limit, @NotNull Duration window) {

        RateLimitPolicy policy(String name) {
            return new RateLimitPolicy(name, limit, window);
        }
    }
}
