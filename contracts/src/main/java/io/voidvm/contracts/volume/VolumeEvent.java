package io.voidvm.contracts.volume;

import io.voidvm.contracts.Payload;
import io.voidvm.contracts.vm.event.CommandOutcome;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A node agent finished work on a volume. Published to {@code voidvm.volume.events}, keyed by volumeId;
 * storage-service updates the volume from it. The envelope's {@code correlationId} is the one of the command.
 *
 * @param virtualSizeBytes the volume's size as the guest sees it after the work (null when FAILED or DELETE)
 * @param allocatedBytes   bytes the file takes on the host (thin provisioning), when known
 * @param vmId             the VM for ATTACH and DETACH, else {@code null}
 * @param errorCode        set exactly when the outcome is FAILED
 */
public record VolumeEvent(
        UUID volumeId,
        VolumeOperation operation,
        CommandOutcome outcome,
        Long virtualSizeBytes,
        Long allocatedBytes,
        UUID vmId,
        String errorCode,
        String errorDetail,
        Instant observedAt) implements Payload, VolumeScoped {

    public VolumeEvent {
        Objects.requireNonNull(volumeId, "volumeId is required");
        Objects.requireNonNull(operation, "operation is required");
        Objects.requireNonNull(outcome, "outcome is required");
        Objects.requireNonNull(observedAt, "observedAt is required");
        if ((outcome == CommandOutcome.FAILED) != (errorCode != null)) {
            throw new IllegalArgumentException("errorCode must be set exactly when outcome is FAILED");
        }
        if ((operation == VolumeOperation.ATTACH || operation == VolumeOperation.DETACH) && vmId == null) {
            throw new IllegalArgumentException(operation + " needs a vmId");
        }
    }
}
