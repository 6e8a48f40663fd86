package io.voidvm.gateway.resilience;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Time limits and circuit breakers per route ({@code voidvm.gateway.resilience.*}); a route's circuit breaker
 * is named after the route id, i.e. the service ({@code vm-service}, ...).
 *
 * @param timeout        how long a call through a route may take, retries included
 * @param timeouts       per-route overrides of {@code timeout}, keyed by route id
 * @param circuitBreaker thresholds shared by every route's breaker
 */
@Validated
@ConfigurationProperties("voidvm.gateway.resilience")
public record ResilienceProperties(
        @NotNull Duration timeout,
        @DefaultValue Map<String, Duration> timeouts,
        @NotNull @Valid CircuitBreaker circuitBreaker) {

    public Duration timeoutFor(String routeId) {
        return timeouts.getOrDefault(routeId, timeout);
    }

    /**
     * @param failureRateThreshold    percent of failed calls in the window that opens the breaker
     * @param slidingWindowSize       calls the failure rate is computed over
     * @param minimumNumberOfCalls    calls needed before the rate counts
     * @param waitInOpenState         how long an open breaker answers 503 at once before probing again
     * @param permittedCallsInHalfOpenState probe calls that decide between closing and opening again
     */
    public record CircuitBreaker(
            @Min(1) @Max(100) int failureRateThreshold,
            @Positive int slidingWindowSize,
            @Positive int minimumNumberOfCalls,
            @NotNull Duration waitInOpenState,
            @Positive int permittedCallsInHalfOpenState) {
    }
}
