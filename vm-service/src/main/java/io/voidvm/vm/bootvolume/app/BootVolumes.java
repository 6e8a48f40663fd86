package io.voidvm.vm.bootvolume.app;

import io.voidvm.vm.bootvolume.domain.BootVolumeRequest;
import io.voidvm.vm.lifecycle.domain.BootVolume;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * vm-service's view of storage-service for boot volumes. Narrow on purpose: one real adapter over HTTP, one
 * fake for tests.
 */
public interface BootVolumes {

    /**
     * Makes the VM's boot volume from its image, or answers the one an earlier identical request made. Fails
     * with {@link io.voidvm.servicekit.problem.domain.InvalidRequestException} naming {@code diskSizeGb} or
     * {@code imageId}, {@link io.voidvm.servicekit.problem.domain.ConflictException} (pool full, image not
     * ready), {@link io.voidvm.servicekit.problem.domain.QuotaExceededException} (disk quota), or
     * {@link io.voidvm.vm.bootvolume.domain.BootVolumeUnavailableException} when storage-service cannot answer.
     */
    Mono<BootVolume> create(BootVolumeRequest request);

    /**
     * Asks storage-service to delete the volume. Completes when it accepted, or no longer knows the volume;
     * fails with {@link io.voidvm.vm.bootvolume.domain.BootVolumeUnavailableException} otherwise (retry later).
     */
    Mono<Void> delete(UUID volumeId);
}
