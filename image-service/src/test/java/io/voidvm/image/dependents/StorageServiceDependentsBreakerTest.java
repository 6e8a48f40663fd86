package io.voidvm.image.dependents;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.voidvm.image.catalog.domain.ImageRefusal;
import io.voidvm.image.config.ImageProperties;
import io.voidvm.image.platform.CircuitBreakers;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The {@code storage-service} breaker of the dependents client: an open breaker is the same "cannot tell"
 * refusal (503 naming storage-service) as a time-out, 5xx answers open it, 4xx answers never do. storage-service is
 * faked by the WebClient's exchange function; ImageAccessIT runs the client over real HTTP.
 */
class StorageServiceDependentsBreakerTest {

    private final AtomicInteger calls = new AtomicInteger();

    @Test
    void anOpenBreakerIsA503NamingStorageServiceWithoutAskingIt() {
        CircuitBreaker breaker = breaker();
        StorageServiceDependents dependents = dependents(breaker, HttpStatus.OK);
        breaker.transitionToForcedOpenState();

        StepVerifier.create(dependents.volumesOf(UUID.randomUUID()))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(ImageRefusal.DependentsUnknown.class)
                        .hasMessageContaining("storage-service failed repeatedly"))
                .verify();
        assertThat(calls).as("storage-service was not asked").hasValue(0);
    }

    @Test
    void failingAnswersOpenTheBreakerAndLaterCallsAreRefusedAtOnce() {
        CircuitBreaker breaker = breaker();
        StorageServiceDependents dependents = dependents(breaker, HttpStatus.INTERNAL_SERVER_ERROR);

        for (int i = 0; i < 2; i++) {
            StepVerifier.create(dependents.volumesOf(UUID.randomUUID()))
                    .expectErrorSatisfies(error -> assertThat(error)
                            .isInstanceOf(ImageRefusal.DependentsUnknown.class)
                            .hasMessageContaining("storage-service answered 500"))
                    .verify();
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        StepVerifier.create(dependents.volumesOf(UUID.randomUUID()))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ImageRefusal.DependentsUnknown.class)
                        .hasMessageContaining("not asked for a while"))
                .verify();
        assertThat(calls).hasValue(2);
    }

    @Test
    void clientErrorsAre503sButNeverOpenTheBreaker() {
        CircuitBreaker breaker = breaker();
        StorageServiceDependents dependents = dependents(breaker, HttpStatus.UNAUTHORIZED);

        for (int i = 0; i < 3; i++) {
            StepVerifier.create(dependents.volumesOf(UUID.randomUUID()))
                    .expectErrorSatisfies(error -> assertThat(error)
                            .isInstanceOf(ImageRefusal.DependentsUnknown.class)
                            .hasMessageContaining("storage-service answered 401"))
                    .verify();
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(calls).hasValue(3);
    }

    @Test
    void anAnswerPassesThroughAClosedBreaker() {
        StepVerifier.create(dependents(breaker(), HttpStatus.OK).volumesOf(UUID.randomUUID()))
                .assertNext(volumes -> assertThat(volumes)
                        .containsExactly(new ImageRefusal.Dependent("v1", "web-boot")))
                .verifyComplete();
    }

    private static CircuitBreaker breaker() {
        return CircuitBreakers.of("storage-service",
                new ImageProperties.Breaker(50, 2, 2, Duration.ofMinutes(1), 1), StorageServiceDependents::isAnswer);
    }

    private StorageServiceDependents dependents(CircuitBreaker breaker, HttpStatus status) {
        WebClient client = WebClient.builder().exchangeFunction(request -> {
            calls.incrementAndGet();
            return Mono.just(ClientResponse.create(status)
                    .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                    .body(status.is2xxSuccessful() ? "{\"volumes\":[{\"id\":\"v1\",\"name\":\"web-boot\"}]}" : "{}")
                    .build());
        }).build();
        return new StorageServiceDependents(client, breaker, Duration.ofSeconds(5));
    }
}
