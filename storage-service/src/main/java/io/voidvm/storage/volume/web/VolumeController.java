package io.voidvm.storage.volume.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.voidvm.servicekit.paging.domain.CursorPage;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.tenancy.domain.Caller;
import io.voidvm.storage.apidoc.StorageApiDocs;
import io.voidvm.storage.volume.app.VolumeService;
import io.voidvm.storage.volume.domain.IdempotencyKey;
import io.voidvm.storage.volume.domain.Volume;
import java.net.URI;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A tenant's volumes in a pool. Create answers 201 with the volume (PENDING until the node made it), like a VM's
 * create; resize, delete, attach and detach answer 202 with the volume in its transitional state.
 */
@RestController
@RequestMapping("/api/v1/storage/{poolId}/volumes")
@Tag(name = StorageApiDocs.VOLUMES)
class VolumeController {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final VolumeService volumes;

    VolumeController(VolumeService volumes) {
        this.volumes = Objects.requireNonNull(volumes, "volumes");
    }

    @GetMapping
    @Operation(summary = "List volumes in a pool", description = "The caller's tenant's volumes there.")
    Mono<CursorPage<VolumeView>> list(@PathVariable UUID poolId, Caller caller, PageRequest page) {
        return volumes.list(caller, poolId, page).map(found -> found.map(VolumeView::of));
    }

    /** With an {@code Idempotency-Key}, a retry of the same request answers the first one's volume. */
    @PostMapping
    @Operation(summary = "Create a volume", description = "Blank (`sizeGb`) or from a READY image (`imageId`,"
            + " `sizeGb` optional). 201 with the volume PENDING until the node made it, then AVAILABLE. 409 when"
            + " the pool or the tenant's quota has no room. With an `Idempotency-Key` a retry answers the first"
            + " request's volume (`Idempotent-Replayed: true`); the same key with another body is a 422.")
    @ApiResponse(responseCode = "201", description = "Created; Location names the volume", useReturnTypeSchema = true)
    Mono<ResponseEntity<VolumeView>> create(@PathVariable UUID poolId, @RequestBody VolumeRequests.Create body,
                                            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key,
                                            Caller caller) {
        return Mono.fromSupplier(body::toNewVolume)
                .flatMap(spec -> volumes.create(caller, poolId, spec, IdempotencyKey.of(key, poolId + "\n" + body)))
                .map(created -> {
                    var response = ResponseEntity.created(URI.create(VolumeView.location(created.volume())));
                    if (created.replayed()) {
                        response.header(REPLAYED_HEADER, "true");
                    }
                    return response.body(VolumeView.of(created.volume()));
                });
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a volume")
    Mono<VolumeView> get(@PathVariable UUID poolId, @PathVariable UUID id, Caller caller) {
        return volumes.get(caller, poolId, id).map(VolumeView::of);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Resize a volume", description = "Grow only, to `sizeGb`. " + StorageApiDocs.ASYNC)
    @ApiResponse(responseCode = "202", description = "Accepted", useReturnTypeSchema = true)
    Mono<ResponseEntity<VolumeView>> resize(@PathVariable UUID poolId, @PathVariable UUID id,
                                            @RequestBody VolumeRequests.Resize body, Caller caller) {
        return Mono.fromSupplier(body::requireSize)
                .flatMap(size -> volumes.resize(caller, poolId, id, size))
                .map(VolumeController::accepted);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a volume", description = "Refused (409) while it is attached. "
            + StorageApiDocs.ASYNC)
    @ApiResponse(responseCode = "202", description = "Accepted; the volume is DELETING", useReturnTypeSchema = true)
    Mono<ResponseEntity<VolumeView>> delete(@PathVariable UUID poolId, @PathVariable UUID id, Caller caller) {
        return volumes.delete(caller, poolId, id).map(VolumeController::accepted);
    }

    @PostMapping("/{id}/attach")
    @Operation(summary = "Attach a volume to a VM", description = "As the disk `diskId` (default `vol-<12 hex>`);"
            + " the VM must be the caller's and on the pool's node. " + StorageApiDocs.ASYNC)
    @ApiResponse(responseCode = "202", description = "Accepted; the volume is ATTACHING", useReturnTypeSchema = true)
    Mono<ResponseEntity<VolumeView>> attach(@PathVariable UUID poolId, @PathVariable UUID id,
                                            @RequestBody VolumeRequests.Attach body, Caller caller) {
        return volumes.attach(caller, poolId, id, body.vmId(), body.diskId()).map(VolumeController::accepted);
    }

    @PostMapping("/{id}/detach")
    @Operation(summary = "Detach a volume from its VM", description = StorageApiDocs.ASYNC)
    @ApiResponse(responseCode = "202", description = "Accepted; the volume is DETACHING", useReturnTypeSchema = true)
    Mono<ResponseEntity<VolumeView>> detach(@PathVariable UUID poolId, @PathVariable UUID id, Caller caller) {
        return volumes.detach(caller, poolId, id).map(VolumeController::accepted);
    }

    static ResponseEntity<VolumeView> accepted(Volume volume) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(VolumeView.location(volume)))
                .body(VolumeView.of(volume));
    }
}
