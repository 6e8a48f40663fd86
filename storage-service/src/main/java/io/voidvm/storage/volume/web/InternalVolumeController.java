package io.voidvm.storage.volume.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.voidvm.servicekit.tenancy.domain.Caller;
import io.voidvm.storage.volume.app.VolumeService;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Service-to-service endpoints for platform callers (the {@code admin} role of {@code voidvm-platform}); others
 * get 403. The gateway does not route {@code /internal/**}.
 * <ul>
 *   <li>{@code GET /internal/v1/images/{imageId}/dependents} → {@code {"volumes":[{"id":..,"name":..}]}}
 *       (image-service, before deleting an image);</li>
 *   <li>{@code POST /internal/v1/volumes} {@code {"tenantId","name","imageId","sizeGb","vmId","poolId"?}} → 201
 *       volume plus its pool's {@code poolPath} (the agent's directory, as in {@code DiskSource.Volume}) and
 *       {@code nodeName}, in the default pool unless {@code poolId} is given (vm-service, a VM's boot volume:
 *       the VM must run on that node);</li>
 *   <li>{@code DELETE /internal/v1/volumes/{id}} → 202 volume (DELETING).</li>
 * </ul>
 */
@RestController
class InternalVolumeController {

    private final VolumeService volumes;

    InternalVolumeController(VolumeService volumes) {
        this.volumes = Objects.requireNonNull(volumes, "volumes");
    }

    @GetMapping("/internal/v1/images/{imageId}/dependents")
    @Operation(summary = "Volumes made from an image", description = "image-service asks before it deletes an"
            + " image.")
    Mono<Dependents> dependents(@PathVariable UUID imageId, Caller caller) {
        return volumes.dependentsOf(caller, imageId).map(volume -> new Dependent(volume.id(), volume.name()))
                .collectList().map(Dependents::new);
    }

    @PostMapping("/internal/v1/volumes")
    @Operation(summary = "Create a VM's boot volume for a tenant", description = "vm-service: in the default pool"
            + " unless `poolId` is given; the answer names the pool's path and node, where the VM must run.")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    Mono<ResponseEntity<PlacedVolumeView>> create(@RequestBody VolumeRequests.InternalCreate body, Caller caller) {
        return Mono.fromSupplier(body::toNewVolume)
                .flatMap(spec -> volumes.createFor(caller, body.tenantId(), body.poolId(), spec))
                .flatMap(volume -> volumes.poolOf(volume).map(pool ->
                        ResponseEntity.created(URI.create(VolumeView.location(volume)))
                                .body(new PlacedVolumeView(VolumeView.of(volume), pool.agentPath(),
                                        pool.nodeName()))));
    }

    @DeleteMapping("/internal/v1/volumes/{id}")
    @Operation(summary = "Delete a VM's boot volume", description = "vm-service, when the VM is deleted.")
    @ApiResponse(responseCode = "202", description = "Accepted; the volume is DELETING", useReturnTypeSchema = true)
    Mono<ResponseEntity<VolumeView>> delete(@PathVariable UUID id, Caller caller) {
        return volumes.deleteFor(caller, id).map(VolumeController::accepted);
    }

    /** The volume view plus where it lives: {@code poolPath} relative to the agent's pools root, and the node. */
    record PlacedVolumeView(@JsonUnwrapped VolumeView volume, String poolPath, String nodeName) {
    }

    record Dependent(UUID id, String name) {
    }

    record Dependents(List<Dependent> volumes) {
    }
}
