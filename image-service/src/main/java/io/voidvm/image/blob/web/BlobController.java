package io.voidvm.image.blob.web;

import io.voidvm.image.blob.store.BlobStore;
import io.voidvm.servicekit.problem.domain.ForbiddenException;
import io.voidvm.servicekit.problem.domain.NotFoundException;
import io.voidvm.servicekit.tenancy.domain.Caller;
import java.util.Objects;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Serves a blob as a file resource: WebFlux's resource writer answers {@code Range} requests with 206 and
 * {@code Content-Range} (and HEAD with the length), zero-copy where the platform allows. The ETag is the
 * SHA-256 itself, so an agent can resume a download with {@code If-Range}.
 */
@RestController
class BlobController {

    private final BlobStore blobs;

    BlobController(BlobStore blobs) {
        this.blobs = Objects.requireNonNull(blobs, "blobs");
    }

    @GetMapping("/internal/v1/blobs/{sha256}")
    Mono<ResponseEntity<Resource>> blob(@PathVariable String sha256, Caller caller) {
        if (!caller.isAdmin()) {
            return Mono.error(new ForbiddenException("blobs are served to platform callers only"));
        }
        return Mono.fromCallable(() -> blobs.find(sha256))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(found -> found.<Mono<ResponseEntity<Resource>>>map(path -> Mono.just(ResponseEntity.ok()
                                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                                .eTag("\"" + sha256 + "\"")
                                .cacheControl(CacheControl.noStore())
                                .body(new FileSystemResource(path))))
                        .orElseGet(() -> Mono.error(new NotFoundException("blob", sha256))));
    }
}
