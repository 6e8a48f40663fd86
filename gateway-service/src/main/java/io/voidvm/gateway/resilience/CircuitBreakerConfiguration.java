package io.voidvm.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.voidvm.gateway.problem.ProblemWriter;
import io.voidvm.gateway.requestsize.PayloadTooLargeException;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Every route's breaker and time limit come from {@link ResilienceProperties}. The {@code CircuitBreaker}
 * route filter asks for a breaker by route id, so each downstream service trips on its own.
 */
@Configuration(proxyBeanMethods = false)
public class CircuitBreakerConfiguration {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerDefaults(ResilienceProperties properties) {
        ResilienceProperties.CircuitBreaker breaker = properties.circuitBreaker();
        CircuitBreakerConfig breakerConfig = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.slidingWindowSize())
                .minimumNumberOfCalls(breaker.minimumNumberOfCalls())
                .failureRateThreshold(breaker.failureRateThreshold())
                .waitDurationInOpenState(breaker.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(breaker.permittedCallsInHalfOpenState())
                // the client's fault, not the service's
                .ignoreExceptions(PayloadTooLargeException.class)
                .build();
        return factory -> factory.configureDefault(routeId -> new Resilience4JConfigBuilder(routeId)
                .circuitBreakerConfig(breakerConfig)
                .timeLimiterConfig(TimeLimiterConfig.custom()
                        .timeoutDuration(properties.timeoutFor(routeId))
                        .cancelRunningFuture(true)
                        .build())
                .build());
    }

    /** Target of every route's {@code fallbackUri}; reached only by the gateway's internal forward. */
    @Bean
    RouterFunction<ServerResponse> circuitBreakerFallback(ProblemWriter problems) {
        return RouterFunctions.route()
                .route(request -> request.path().equals(UpstreamFailures.FALLBACK_PATH),
                        new FallbackHandler(problems))
                .build();
    }

    @Bean
    WebExceptionHandler upstreamErrorHandler(ProblemWriter problems) {
        return new UpstreamErrorHandler(problems);
    }
}
