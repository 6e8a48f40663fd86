package io.voidvm.nodeagent.volume;

import io.voidvm.contracts.vm.event.CommandOutcome;
import io.voidvm.contracts.volume.VolumeEvent;
import io.voidvm.contracts.volume.VolumeOperation;
import java.time.Instant;
import java.util.UUID;

/** Builds the two shapes of {@link VolumeEvent}. */
public final class VolumeEvents {

    private VolumeEvents() {
    }

    public static VolumeEvent succeeded(UUID volumeId, VolumeOperation operation, UUID vmId, Long virtualSizeBytes,
            Long allocatedBytes, Instant at) {
        return new VolumeEvent(volumeId, operation, CommandOutcome.SUCCEEDED, virtualSizeBytes, allocatedBytes, vmId,
                null, null, at);
    }

    public static VolumeEvent failed(UUID volumeId, VolumeOperation operation, UUID vmId, String code, String detail,
            Instant at) {
        return new VolumeEvent(volumeId, operation, CommandOutcome.FAILED, null, null, vmId, code, detail, at);
    }
}
