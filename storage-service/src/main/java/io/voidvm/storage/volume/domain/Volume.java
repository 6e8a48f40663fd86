package io.voidvm.storage.volume.domain;

import io.voidvm.contracts.vm.event.CommandOutcome;
import io.voidvm.contracts.volume.VolumeEvent;
import io.voidvm.servicekit.problem.domain.ConflictException;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A tenant's volume in a pool. Requests move it into a transitional status at once (the command is in the
 * outbox); the node's {@link VolumeEvent} settles it. {@code sizeGb} is the size asked for, counted against the
 * pool from the moment of the request; {@code virtualSizeBytes} is what the node last measured.
 */
public record Volume(UUID id, String tenantId, UUID poolId, String name, String description, long sizeGb,
                     VolumeStatus status, String statusReason, UUID imageId, UUID ownerVmId, UUID attachedVmId,
                     String diskId, Long virtualSizeBytes, Long allocatedBytes, long version, Instant createdAt,
                     Instant updatedAt) {

    public Volume {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(status, "status");
        if (status.heldByVm() != (attachedVmId != null && diskId != null)) {
            throw new IllegalArgumentException("a VM and a disk id go with " + status + " exactly");
        }
    }

    public static Volume create(UUID id, String tenantId, UUID poolId, NewVolume spec, long sizeGb, Instant now) {
        return new Volume(id, tenantId, poolId, spec.name(), spec.description(), sizeGb, VolumeStatus.PENDING, null,
                spec.imageId(), spec.ownerVmId(), null, null, null, null, 0, now, now);
    }

    /**
     * Grows the volume (online when a VM holds it: the node resizes through QMP).
     *
     * @throws InvalidRequestException naming {@code sizeGb} when it would not grow
     * @throws ConflictException       while the volume is being made, attached, detached or deleted
     */
    public Volume resizeTo(long newSizeGb, Instant now) {
        if (status != VolumeStatus.AVAILABLE && status != VolumeStatus.ATTACHED) {
            throw ConflictException.stateConflict("resize the volume", status);
        }
        if (newSizeGb <= sizeGb) {
            throw new InvalidRequestException("sizeGb", "volumes only grow: must be more than the current "
                    + sizeGb + " GiB");
        }
        return with(newSizeGb, status, null, attachedVmId, diskId, now);
    }

    public Volume attaching(UUID vmId, String newDiskId, Instant now) {
        if (status != VolumeStatus.AVAILABLE) {
            throw status.heldByVm()
                    ? new ConflictException("the volume is held by VM " + attachedVmId, status.name())
                    : ConflictException.stateConflict("attach the volume", status);
        }
        return with(sizeGb, VolumeStatus.ATTACHING, null, vmId, newDiskId, now);
    }

    public Volume detaching(Instant now) {
        if (status != VolumeStatus.ATTACHED) {
            throw ConflictException.stateConflict("detach the volume", status);
        }
        return with(sizeGb, VolumeStatus.DETACHING, null, attachedVmId, diskId, now);
    }

    /** @throws ConflictException naming the VM while one holds the volume */
    public Volume deleting(Instant now) {
        if (status.heldByVm()) {
            throw new ConflictException("volume " + name + " is attached to VM " + attachedVmId
                    + "; detach it first", status.name());
        }
        return status == VolumeStatus.DELETING ? this : with(sizeGb, VolumeStatus.DELETING, null, null, null, now);
    }

    /** What the node's report changes. Reports that do not fit the current status are stale and ignored. */
    public EventOutcome apply(VolumeEvent event, Instant now) {
        boolean ok = event.outcome() == CommandOutcome.SUCCEEDED;
        String reason = ok ? null : event.errorCode() + (event.errorDetail() == null ? "" : ": " + event.errorDetail());
        return switch (event.operation()) {
            case CREATE -> status != VolumeStatus.PENDING
                    ? ignored(event)
                    : ok ? updated(measured(event).with(sizeGb, VolumeStatus.AVAILABLE, null, null, null, now))
                         : updated(with(sizeGb, VolumeStatus.ERROR, reason, null, null, now));
            case RESIZE -> {
                if (status == VolumeStatus.DELETING || status == VolumeStatus.PENDING) {
                    yield ignored(event);
                }
                if (ok) {
                    yield updated(measured(event).with(sizeGb, status, null, attachedVmId, diskId, now));
                }
                // the file kept its old size: give the pool back what the request reserved
                long kept = virtualSizeBytes == null ? sizeGb : Math.max(1, VolumeSizes.gibFor(virtualSizeBytes));
                yield updated(with(kept, status, "resize failed: " + reason, attachedVmId, diskId, now));
            }
            case DELETE -> status != VolumeStatus.DELETING
                    ? ignored(event)
                    : ok ? new EventOutcome.Removed(this)
                         : updated(with(sizeGb, VolumeStatus.ERROR, "delete failed: " + reason, null, null, now));
            case ATTACH -> status != VolumeStatus.ATTACHING || !event.vmId().equals(attachedVmId)
                    ? ignored(event)
                    : ok ? updated(with(sizeGb, VolumeStatus.ATTACHED, null, attachedVmId, diskId, now))
                         : updated(with(sizeGb, VolumeStatus.AVAILABLE, "attach failed: " + reason, null, null, now));
            case DETACH -> status != VolumeStatus.DETACHING || !event.vmId().equals(attachedVmId)
                    ? ignored(event)
                    : ok ? updated(with(sizeGb, VolumeStatus.AVAILABLE, null, null, null, now))
                         : updated(with(sizeGb, VolumeStatus.ATTACHED, "detach failed: " + reason, attachedVmId,
                                 diskId, now));
        };
    }

    private Volume measured(VolumeEvent event) {
        return new Volume(id, tenantId, poolId, name, description, sizeGb, status, statusReason, imageId, ownerVmId,
                attachedVmId, diskId,
                event.virtualSizeBytes() != null ? event.virtualSizeBytes() : virtualSizeBytes,
                event.allocatedBytes() != null ? event.allocatedBytes() : allocatedBytes,
                version, createdAt, updatedAt);
    }

    private Volume with(long newSizeGb, VolumeStatus newStatus, String reason, UUID vmId, String newDiskId,
                        Instant now) {
        return new Volume(id, tenantId, poolId, name, description, newSizeGb, newStatus, reason, imageId, ownerVmId,
                vmId, newDiskId, virtualSizeBytes, allocatedBytes, version, createdAt, now);
    }

    private static EventOutcome updated(Volume volume) {
        return new EventOutcome.Updated(volume);
    }

    private EventOutcome ignored(VolumeEvent event) {
        return new EventOutcome.Ignored(event.operation() + " " + event.outcome() + " does not apply to a volume "
                + "that is " + status);
    }

    /** The disk id a volume gets in a VM when the caller names none: stable and a DNS label. */
    public String defaultDiskId() {
        return "vol-" + id.toString().replace("-", "").substring(20);
    }
}
