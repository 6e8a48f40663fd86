package io.voidvm.image.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.voidvm.image.apidoc.ImageApiDocs;
import io.voidvm.image.catalog.app.ImageCatalog;
import io.voidvm.image.catalog.app.ImageIntake;
import io.voidvm.servicekit.input.RequestJson;
import io.voidvm.servicekit.paging.domain.CursorPage;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.tenancy.domain.Caller;
import java.net.URI;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.PartEvent;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The image catalog. Upload is two steps: {@code POST /api/v1/images} with JSON metadata (201, status UPLOADING),
 * then {@code PUT /api/v1/images/{id}/file} with the raw bytes ({@code application/octet-stream}), which answers
 * with the image READY, or with a problem (422 for bytes that are no acceptable image, 400, 413, 409) naming the
 * image it left FAILED and its reason; or one: {@code POST /api/v1/images} as
 * {@code multipart/form-data} with a {@code metadata} part and a {@code file} part (the PUT takes that form too,
 * with the file part alone). With {@code sourceUrl} in the metadata the service imports the URL itself instead.
 */
@RestController
@RequestMapping("/api/v1/images")
@Tag(name = ImageApiDocs.IMAGES)
class ImageController {

    private final ImageCatalog catalog;
    private final ImageIntake intake;
    private final UploadForm form;

    ImageController(ImageCatalog catalog, ImageIntake intake, RequestJson json) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.intake = Objects.requireNonNull(intake, "intake");
        this.form = new UploadForm(json);
    }

    /** {@code ?limit=&cursor=}: the caller's images and the public ones, newest first. */
    @GetMapping
    @Operation(summary = "List images", description = "The caller's tenant's images and the public ones, newest"
            + " first.")
    Mono<CursorPage<ImageView>> list(Caller caller, PageRequest page) {
        return catalog.list(caller, page).map(images -> images.map(ImageView::of));
    }

    @Operation(summary = "Register an image", description = "201 with the image UPLOADING: upload its bytes next"
            + " with `PUT /api/v1/images/{id}/file`. With `sourceUrl` the service imports the URL itself instead"
            + " (progress shows in the image). Only admins publish (visibility PUBLIC, 403 otherwise).")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<ImageView>> create(@RequestBody CreateImageRequest body, Caller caller) {
        return Mono.fromSupplier(body::toNewImage)
                .flatMap(spec -> catalog.create(caller, spec))
                .map(image -> ResponseEntity.created(URI.create(ImageView.location(image.id())))
                        .body(ImageView.of(image)));
    }

    @Operation(summary = "Register and upload in one request: a metadata part (the JSON body of the plain POST), "
            + "then a file part, streamed; answers the image READY, or a problem (422, 400, 413, 409) with the "
            + "imageId it left FAILED and its statusReason")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = UploadFormParts.class)))
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<ImageView>> createWithFile(@RequestBody Flux<PartEvent> parts, Caller caller,
                                                   ServerHttpRequest httpRequest) {
        return form.metadataAndFile(EventLoopDemand.of(httpRequest, parts),
                        request -> Mono.fromSupplier(request::toNewImage).flatMap(spec -> catalog.create(caller, spec)),
                        (image, body) -> intake.upload(caller, image.id(), body, null, null))
                .map(image -> ResponseEntity.created(URI.create(ImageView.location(image.id())))
                        .body(ImageView.of(image)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read an image", description = "The caller's tenant's or a public one; with its status,"
            + " upload progress and, once READY, format, sizes and SHA-256.")
    Mono<ImageView> get(@PathVariable UUID id, Caller caller) {
        return catalog.get(caller, id).map(ImageView::of);
    }

    @Operation(summary = "Upload the image's bytes (raw body, streamed; optional X-Image-Sha256)",
            description = "Answers the image READY; a refused upload is a problem (422 for bytes that are no "
                    + "acceptable disk image, 400 naming sha256 for a checksum mismatch, 413, 409 quota) with the "
                    + "imageId it left FAILED and its statusReason.")
    // one operation in the document with both bodies, whichever of the two handlers springdoc reads last
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                    schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = FilePart.class))})
    @PutMapping(path = "/{id}/file", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    Mono<ImageView> upload(@PathVariable UUID id, Caller caller, ServerHttpRequest request,
                           @Parameter(description = "expected SHA-256 of the bytes")
                           @RequestHeader(name = ImageIntake.SHA256_HEADER, required = false) String sha256) {
        long length = request.getHeaders().getContentLength();
        return intake.upload(caller, id, request.getBody(), length >= 0 ? length : null, sha256)
                .map(ImageView::of);
    }

    @Operation(summary = "Upload the image's bytes as a multipart form with one file part (streamed)")
    // one operation in the document with both bodies, whichever of the two handlers springdoc reads last
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                    schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = FilePart.class))})
    @PutMapping(path = "/{id}/file", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ImageView> uploadForm(@PathVariable UUID id, Caller caller, @RequestBody Flux<PartEvent> parts,
                               ServerHttpRequest httpRequest,
                               @Parameter(description = "expected SHA-256 of the bytes")
                               @RequestHeader(name = ImageIntake.SHA256_HEADER, required = false) String sha256) {
        // another tenant's image is a 404 before a byte of the form is read
        return catalog.get(caller, id)
                .then(form.fileOnly(EventLoopDemand.of(httpRequest, parts), body -> intake.upload(caller, id, body, null, sha256)))
                .map(ImageView::of);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an image", description = "Refused (409) while volumes still use it; only admins"
            + " delete a public image.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    Mono<ResponseEntity<Void>> delete(@PathVariable UUID id, Caller caller) {
        return catalog.delete(caller, id).thenReturn(ResponseEntity.noContent().<Void>build());
    }

    /** The parts of the one-request upload, for the OpenAPI document. */
    record UploadFormParts(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) CreateImageRequest metadata,
                           @Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED)
                           String file) {
    }

    /** The part of the multipart PUT, for the OpenAPI document. */
    record FilePart(@Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED)
                    String file) {
    }
}
