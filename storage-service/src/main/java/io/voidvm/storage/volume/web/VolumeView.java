package io.voidvm.storage.volume.web;

import io.voidvm.storage.volume.domain.Volume;
import java.time.Instant;
import java.util.UUID;

/**
 * A volume as the API shows it. {@code sizeGb} is the size asked for (already counted against the pool);
 * {@code virtualSizeBytes} and {@code allocatedBytes} are what the node last measured.
 */
public record VolumeView(UUID id, UUID poolId, String tenantId, String name, String description, long sizeGb,
                         String status, String statusReason, UUID imageId, UUID ownerVmId, UUID attachedVmId,
                         String diskId, Long virtualSizeBytes, Long allocatedBytes, Instant createdAt,
                         Instant updatedAt) {

    public static VolumeView of(Volume v) {
        return new VolumeView(v.id(), v.poolId(), v.tenantId(), v.name(), v.description(), v.sizeGb(),
                v.status().name(), v.statusReason(), v.imageId(), v.ownerVmId(), v.attachedVmId(), v.diskId(),
                v.virtualSizeBytes(), v.allocatedBytes(), v.createdAt(), v.updatedAt());
    }

    public static String location(Volume v) {
        return "/api/v1/storage/" + v.poolId() + "/volumes/" + v.id();
    }
}
