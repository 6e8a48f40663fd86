package io.voidvm.vm.quota.client;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.voidvm.servicekit.platform.PlatformClient;
import io.voidvm.servicekit.problem.domain.QuotaExceededException;
import io.voidvm.vm.config.QuotaClientProperties;
import io.voidvm.vm.quota.app.QuotaGate;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Wires {@link AuthServiceQuotaGate}: a {@linkplain PlatformClient platform WebClient} (client-credentials
 * token, connect and response time limits) behind a Resilience4j circuit breaker.
 */
@Configuration(proxyBeanMethods = false)
class QuotaClientConfiguration {

    @Bean
    QuotaGate quotaGate(QuotaClientProperties properties) {
        return new AuthServiceQuotaGate(authServiceClient(properties), breaker(), properties.timeout());
    }

    private static WebClient authServiceClient(QuotaClientProperties properties) {
        return new PlatformClient(properties.tokenUri(), properties.clientId(), properties.clientSecret())
                .webClient(properties.authServiceUrl(), properties.timeout());
    }

    /** Opens after half of the last 10 calls failed (at least 5), and probes again after 10 s. */
    private static CircuitBreaker breaker() {
        return CircuitBreaker.of("auth-service", CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                .permittedNumberOfCallsInHalfOpenState(2)
                .ignoreExceptions(QuotaExceededException.class)
                .build());
    }
}
