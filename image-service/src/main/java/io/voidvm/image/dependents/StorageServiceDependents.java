package io.voidvm.image.dependents;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.voidvm.image.catalog.app.ImageDependents;
import io.voidvm.image.catalog.domain.ImageRefusal;
import io.voidvm.image.catalog.domain.ImageRefusal.Dependent;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * The real {@link ImageDependents}: storage-service's internal API, with a time limit and through the
 * {@code storage-service} circuit breaker. Any failure, an open breaker included, means "cannot tell" (503); a 4xx
 * answer means that too, but does not count against the breaker.
 */
final class StorageServiceDependents implements ImageDependents {

    private static final Logger log = LoggerFactory.getLogger(StorageServiceDependents.class);

    private final WebClient client;
    private final CircuitBreaker breaker;
    private final Duration timeout;

    StorageServiceDependents(WebClient client, CircuitBreaker breaker, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Mono<List<Dependent>> volumesOf(UUID imageId) {
        return client.get().uri("/internal/v1/images/{id}/dependents", imageId)
                .retrieve()
                .bodyToMono(DependentsResponse.class)
                .timeout(timeout)
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .map(response -> response.volumes() == null ? List.<Dependent>of()
                        : response.volumes().stream().map(v -> new Dependent(v.id(), v.name())).toList())
                .onErrorMap(error -> !(error instanceof ImageRefusal), error -> {
                    log.warn("imageId={} storage-service did not say which volumes use the image: {}", imageId,
                            error.toString());
                    return new ImageRefusal.DependentsUnknown(switch (error) {
                        case CallNotPermittedException open ->
                                "storage-service failed repeatedly and is not asked for a while";
                        case TimeoutException slow -> "storage-service did not answer in time";
                        case WebClientResponseException answered -> "storage-service answered "
                                + answered.getStatusCode().value();
                        default -> "storage-service cannot be reached";
                    });
                });
    }

    /** Whether the error is storage-service's answer (a 4xx), which never counts against the breaker. */
    static boolean isAnswer(Throwable error) {
        return error instanceof ImageRefusal
                || (error instanceof WebClientResponseException answered
                && answered.getStatusCode().is4xxClientError());
    }

    record DependentsResponse(List<Volume> volumes) {
    }

    record Volume(String id, String name) {
    }
}
