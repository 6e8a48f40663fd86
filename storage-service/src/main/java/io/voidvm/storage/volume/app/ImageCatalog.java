package io.voidvm.storage.volume.app;

import io.voidvm.storage.volume.domain.ImageFacts;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** image-service, as storage-service needs it. */
public interface ImageCatalog {

    /** The image whatever its tenant (a platform call); empty when there is no such image. */
    Mono<ImageFacts> describe(UUID imageId);
}
