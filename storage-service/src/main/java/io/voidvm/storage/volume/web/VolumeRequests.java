package io.voidvm.storage.volume.web;

import io.voidvm.servicekit.input.MultilineText;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import io.voidvm.storage.volume.domain.NewVolume;
import java.util.UUID;

/** Request bodies of the volume endpoints. Boxed numbers, so a missing field is reported as missing. */
final class VolumeRequests {

    private VolumeRequests() {
    }

    /** {@code POST /api/v1/storage/{poolId}/volumes}: blank (sizeGb) or from an image (imageId, sizeGb optional). */
    record Create(String name, @MultilineText String description, Long sizeGb, UUID imageId) {
        NewVolume toNewVolume() {
            return new NewVolume(name, description, sizeGb, imageId, null);
        }
    }

    /** {@code PATCH .../volumes/{id}}: grow to {@code sizeGb}. */
    record Resize(Long sizeGb) {
        long requireSize() {
            if (sizeGb == null) {
                throw new InvalidRequestException("sizeGb", "is required");
            }
            return sizeGb;
        }
    }

    /** {@code POST .../volumes/{id}/attach}: the VM, and the disk id in it (default {@code vol-<12 hex>}). */
    record Attach(UUID vmId, String diskId) {
    }

    /** {@code POST /internal/v1/volumes}: a volume made for a tenant (a VM's boot volume). */
    record InternalCreate(String tenantId, UUID poolId, String name, @MultilineText String description, Long sizeGb, UUID imageId,
                          UUID vmId) {
        NewVolume toNewVolume() {
            if (tenantId == null || tenantId.isBlank()) {
                throw new InvalidRequestException("tenantId", "is required");
            }
            return new NewVolume(name, description, sizeGb, imageId, vmId);
        }
    }
}
