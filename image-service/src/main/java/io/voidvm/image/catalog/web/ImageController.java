package io.voidvm.image.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.voidvm.image.catalog.app.ImageCatalog;
import io.voidvm.image.catalog.app.ImageIntake;
import io.voidvm.servicekit.paging.domain.CursorPage;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.tenancy.domain.Caller;
import java.net.URI;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The image catalog. Upload is two steps: {@code POST /api/v1/images} with JSON metadata (201, status UPLOADING),
 * then {@code PUT /api/v1/images/{id}/file} with the raw bytes ({@code application/octet-stream}), which answers
 * with the image READY or FAILED with its reason. With {@code sourceUrl} in the metadata the service imports
 * the URL itself instead.
 */
@RestController
@RequestMapping("/api/v1/images")
class ImageController {

    private final ImageCatalog catalog;
    private final ImageIntake intake;

    ImageController(ImageCatalog catalog, ImageIntake intake) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.intake = Objects.requireNonNull(intake, "intake");
    }

    /** {@code ?limit=&cursor=}: the caller's images and the public ones, newest first. */
    @GetMapping
    Mono<CursorPage<ImageView>> list(Caller caller, PageRequest page) {
        return catalog.list(caller, page).map(images -> images.map(ImageView::of));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<ImageView>> create(@RequestBody CreateImageRequest body, Caller caller) {
        return Mono.fromSupplier(body::toNewImage)
                .flatMap(spec -> catalog.create(caller, spec))
                .map(image -> ResponseEntity.created(URI.create(ImageView.location(image.id())))
                        .body(ImageView.of(image)));
    }

    @GetMapping("/{id}")
    Mono<ImageView> get(@PathVariable UUID id, Caller caller) {
        return catalog.get(caller, id).map(ImageView::of);
    }

    @Operation(summary = "Upload the image's bytes (raw body, streamed; optional X-Image-Sha256)")
    @PutMapping(path = "/{id}/file", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    Mono<ImageView> upload(@PathVariable UUID id, Caller caller, ServerHttpRequest request,
                           @Parameter(description = "expected SHA-256 of the bytes")
                           @RequestHeader(name = ImageIntake.SHA256_HEADER, required = false) String sha256) {
        long length = request.getHeaders().getContentLength();
        return intake.upload(caller, id, request.getBody(), length >= 0 ? length : null, sha256)
                .map(ImageView::of);
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> delete(@PathVariable UUID id, Caller caller) {
        return catalog.delete(caller, id).thenReturn(ResponseEntity.noContent().<Void>build());
    }

}
