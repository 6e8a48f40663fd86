package io.voidvm.image.dependents;

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
import reactor.core.publisher.Mono;

/** The real {@link ImageDependents}: storage-service's internal API. Any failure means "cannot tell" (503). */
final class StorageServiceDependents implements ImageDependents {

    private static final Logger log = LoggerFactory.getLogger(StorageServiceDependents.class);

    private final WebClient client;
    private final Duration timeout;

    StorageServiceDependents(WebClient client, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Mono<List<Dependent>> volumesOf(UUID imageId) {
        return client.get().uri("/internal/v1/images/{id}/dependents", imageId)
                .retrieve()
                .bodyToMono(DependentsResponse.class)
                .timeout(timeout)
                .map(response -> response.volumes() == null ? List.<Dependent>of()
                        : response.volumes().stream().map(v -> new Dependent(v.id(), v.name())).toList())
                .onErrorMap(error -> !(error instanceof ImageRefusal), error -> {
                    log.warn("imageId={} storage-service did not say which volumes use the image: {}", imageId,
                            error.toString());
                    return new ImageRefusal.DependentsUnknown(error instanceof TimeoutException
                            ? "storage-service did not answer in time" : "storage-service cannot be reached");
                });
    }

    record DependentsResponse(List<Volume> volumes) {
    }

    record Volume(String id, String name) {
    }
}
