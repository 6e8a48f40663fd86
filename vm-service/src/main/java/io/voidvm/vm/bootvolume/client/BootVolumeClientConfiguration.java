package io.voidvm.vm.bootvolume.client;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.voidvm.servicekit.platform.PlatformClient;
import io.voidvm.servicekit.problem.domain.ApiException;
import io.voidvm.vm.bootvolume.app.BootVolumes;
import io.voidvm.vm.config.StorageClientProperties;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Wires {@link StorageServiceBootVolumes}: a {@linkplain PlatformClient platform WebClient} behind its own
 * circuit breaker (storage-service failing must not stop quota checks, nor the reverse).
 */
@Configuration(proxyBeanMethods = false)
public class BootVolumeClientConfiguration {

    @Bean
    BootVolumes bootVolumes(StorageClientProperties properties) {
        return create(properties);
    }

    /** The adapter as the application wires it (also for tests against a stand-in storage-service). */
    public static BootVolumes create(StorageClientProperties properties) {
        WebClient storage = new PlatformClient(properties.tokenUri(), properties.clientId(),
                properties.clientSecret()).webClient(properties.storageServiceUrl(), properties.timeout());
        return new StorageServiceBootVolumes(storage, breaker(), properties.timeout());
    }

    /** Opens after half of the last 10 calls failed (at least 5), and probes again after 10 s. */
    private static CircuitBreaker breaker() {
        return CircuitBreaker.of("storage-service", CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                .permittedNumberOfCallsInHalfOpenState(2)
                .ignoreExceptions(ApiException.class)
                .build());
    }
}
