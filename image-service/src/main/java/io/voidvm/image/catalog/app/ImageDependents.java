package io.voidvm.image.catalog.app;

import io.voidvm.image.catalog.domain.ImageRefusal.Dependent;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Which volumes were made from an image (storage-service owns volumes; this is the question image-service asks). */
public interface ImageDependents {

    /**
     * @return the volumes, empty when none; fails with {@link io.voidvm.image.catalog.domain.ImageRefusal.DependentsUnknown}
     *         when the answer cannot be had
     */
    Mono<List<Dependent>> volumesOf(UUID imageId);
}
