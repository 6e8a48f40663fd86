package io.voidvm.contracts.volume;

import java.util.Objects;
import java.util.UUID;

/**
 * Grow a volume to {@code newSizeBytes} (never shrink). When {@code attachedVmId} names a VM whose QEMU runs on
 * this node, the agent grows it online with QMP {@code block_resize}; otherwise with {@code qemu-img resize}.
 *
 * @param diskId the VM's disk id of the volume when attached (the QEMU block node name), else {@code null}
 */
public record ResizeVolume(VolumeLocation location, long newSizeBytes, UUID attachedVmId, String diskId)
        implements VolumeCommand {

    public ResizeVolume {
        Objects.requireNonNull(location, "location is required");
        if (newSizeBytes < 1) {
            throw new IllegalArgumentException("newSizeBytes must be positive, got " + newSizeBytes);
        }
        if ((attachedVmId == null) != (diskId == null)) {
            throw new IllegalArgumentException("attachedVmId and diskId go together");
        }
    }
}
