package io.voidvm.image.platform;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.voidvm.image.config.ImageProperties;
import java.util.Objects;
import java.util.function.Predicate;

/** Builds the named Resilience4j circuit breakers around the calls to other services from their settings. */
public final class CircuitBreakers {

    private CircuitBreakers() {
    }

    /**
     * @param name     the service called ({@code auth-service}, {@code storage-service})
     * @param settings {@code voidvm.image.<client>.breaker.*}
     * @param answer   errors that are the service's answer (a 4xx, a quota refusal): neither failure nor success
     */
    public static CircuitBreaker of(String name, ImageProperties.Breaker settings, Predicate<Throwable> answer) {
        Objects.requireNonNull(settings, "settings");
        return CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowSize(settings.slidingWindow())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRate())
                .waitDurationInOpenState(settings.waitOpen())
                .permittedNumberOfCallsInHalfOpenState(settings.probes())
                .ignoreException(Objects.requireNonNull(answer, "answer"))
                .build());
    }
}
