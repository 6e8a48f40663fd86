package io.voidvm.image.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.voidvm.image.catalog.app.ImageCatalog;
import io.voidvm.servicekit.tenancy.domain.Caller;
import java.util.Objects;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /internal/v1/images/{id}}: any tenant's image, for platform callers (storage-service makes volumes
 * from it). The gateway does not route {@code /internal/**}.
 */
@RestController
class InternalImageController {

    private final ImageCatalog catalog;

    InternalImageController(ImageCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    @GetMapping("/internal/v1/images/{id}")
    @Operation(summary = "Read any tenant's image", description = "For platform callers: storage-service makes"
            + " volumes from it.")
    Mono<ImageView> get(@PathVariable UUID id, Caller caller) {
        return catalog.getForPlatform(caller, id).map(ImageView::of);
    }
}
