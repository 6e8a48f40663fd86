package io.voidvm.image.blob.web;

import io.swagger.v3.oas.annotations.Operation;
import io.voidvm.image.blob.store.BlobStore;
import io.voidvm.servicekit.problem.domain.NotFoundException;
import io.voidvm.servicekit.tenancy.domain.Caller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Serves a blob as a file resource: WebFlux's resource writer answers {@code Range} requests with 206 and
 * {@code Content-Range}, zero-copy where the platform allows. HEAD has its own handler that never touches the
 * body (left to the GET handler, the zero-copy writer could put the file's bytes on a kept-alive connection
 * whose client expects none). The ETag is the SHA-256 itself, so an agent can resume a download with
 * {@code If-Range}.
 */
@RestController
class BlobController {

    private final BlobStore blobs;

    BlobController(BlobStore blobs) {
        this.blobs = Objects.requireNonNull(blobs, "blobs");
    }

    @GetMapping("/internal/v1/blobs/{sha256}")
    @Operation(summary = "Download an image's bytes by SHA-256", description = "For node agents (admin role):"
            + " Range requests answer 206; the ETag is the SHA-256, for If-Range.")
    Mono<ResponseEntity<Resource>> blob(@PathVariable String sha256, Caller caller) {
        return find(sha256, caller).map(path -> headers(sha256).body(new FileSystemResource(path)));
    }

    @RequestMapping(path = "/internal/v1/blobs/{sha256}", method = RequestMethod.HEAD)
    @Operation(summary = "A blob's size and ETag, without its bytes")
    Mono<ResponseEntity<Void>> blobHead(@PathVariable String sha256, Caller caller) {
        return find(sha256, caller).map(path -> headers(sha256)
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .contentLength(size(path))
                .build());
    }

    private Mono<Path> find(String sha256, Caller caller) {
        return Mono.fromCallable(() -> caller.requireAdmin("a blob"))
                .then(Mono.fromCallable(() -> blobs.find(sha256)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(found -> found.map(Mono::just)
                        .orElseGet(() -> Mono.error(new NotFoundException("blob", sha256))));
    }

    private static ResponseEntity.BodyBuilder headers(String sha256) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .eTag("\"" + sha256 + "\"")
                .cacheControl(CacheControl.noStore());
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
