package io.voidvm.storage.volume.domain;

import io.voidvm.contracts.node.AgentErrorCodes;
import io.voidvm.contracts.vm.event.CommandOutcome;
import io.voidvm.contracts.volume.VolumeEvent;
import io.voidvm.contracts.volume.VolumeOperation;
import io.voidvm.servicekit.awaiting.domain.AnswerPolicy;
import io.voidvm.servicekit.awaiting.domain.AwaitedAnswer;
import io.voidvm.servicekit.awaiting.domain.Overdue;
import io.voidvm.servicekit.problem.domain.ConflictException;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A tenant's volume in a pool. Requests move it into a transitional status at once (the command is in the
 * outbox); the node's {@link VolumeEvent} settles it. {@code sizeGb} is the size asked for, counted against the
 * pool from the moment of the request; {@code virtualSizeBytes} is what the node last measured. {@code awaiting}
 * is the command the volume waits on the node for (null when none): sent again when overdue, given up on after
 * the last attempt ({@link #overdue}).
 */
public record Volume(UUID id, String tenantId, UUID poolId, String name, String description, long sizeGb,
                     VolumeStatus status, String statusReason, UUID imageId, UUID ownerVmId, UUID attachedVmId,
                     String diskId, Long virtualSizeBytes, Long allocatedBytes, AwaitedCommand awaiting, long version,
                     Instant createdAt, Instant updatedAt) {

    public Volume {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(status, "status");
        boolean linked = attachedVmId != null;
        if (linked != (diskId != null) || (status.heldByVm() ? !linked : linked && status != VolumeStatus.ERROR)) {
            // ERROR may keep the VM: an attach or detach the node never answered leaves the VM unknown
            throw new IllegalArgumentException("a VM and a disk id go with " + status + " exactly");
        }
    }

    public static Volume create(UUID id, String tenantId, UUID poolId, NewVolume spec, long sizeGb, Instant now) {
        return new Volume(id, tenantId, poolId, spec.name(), spec.description(), sizeGb, VolumeStatus.PENDING, null,
                spec.imageId(), spec.ownerVmId(), null, null, null, null,
                AwaitedCommand.sent(VolumeOperation.CREATE, now), 0, now, now);
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
        return with(newSizeGb, status, null, attachedVmId, diskId, sent(VolumeOperation.RESIZE, now), now);
    }

    public Volume attaching(UUID vmId, String newDiskId, Instant now) {
        if (status != VolumeStatus.AVAILABLE) {
            throw attachedVmId != null
                    ? new ConflictException("the volume is held by VM " + attachedVmId, status.name())
                    : ConflictException.stateConflict("attach the volume", status);
        }
        return with(sizeGb, VolumeStatus.ATTACHING, null, vmId, newDiskId, sent(VolumeOperation.ATTACH, now), now);
    }

    /** From ATTACHED, or from an ERROR that still names a VM (the node never answered an attach or detach). */
    public Volume detaching(Instant now) {
        if (status != VolumeStatus.ATTACHED && !(status == VolumeStatus.ERROR && attachedVmId != null)) {
            throw ConflictException.stateConflict("detach the volume", status);
        }
        return with(sizeGb, VolumeStatus.DETACHING, null, attachedVmId, diskId, sent(VolumeOperation.DETACH, now),
                now);
    }

    /** @throws ConflictException naming the VM while one holds (or may hold) the volume */
    public Volume deleting(Instant now) {
        if (attachedVmId != null) {
            throw new ConflictException("volume " + name + (status == VolumeStatus.ERROR ? " may still be" : " is")
                    + " attached to VM " + attachedVmId + "; detach it first", status.name());
        }
        return status == VolumeStatus.DELETING ? this
                : with(sizeGb, VolumeStatus.DELETING, null, null, null, sent(VolumeOperation.DELETE, now), now);
    }

    /** What the node's report changes. Reports that do not fit the current status are stale and ignored. */
    public EventOutcome apply(VolumeEvent event, Instant now) {
        boolean ok = event.outcome() == CommandOutcome.SUCCEEDED;
        String reason = ok ? null : event.errorCode() + (event.errorDetail() == null ? "" : ": " + event.errorDetail());
        return switch (event.operation()) {
            case CREATE -> status != VolumeStatus.PENDING
                    ? ignored(event)
                    : ok ? updated(measured(event).with(sizeGb, VolumeStatus.AVAILABLE, null, null, null, null, now))
                         : AgentErrorCodes.AGENT_BUSY.equals(event.errorCode())
                            // nothing was done: still awaited, so the resender sends it again (and gives up in time)
                            ? updated(with(sizeGb, VolumeStatus.PENDING, "node busy, to be sent again: " + reason,
                                    null, null, awaiting, now))
                            : updated(with(sizeGb, VolumeStatus.ERROR, reason, null, null, null, now));
            case RESIZE -> {
                if (status == VolumeStatus.DELETING || status == VolumeStatus.PENDING) {
                    yield ignored(event);
                }
                if (ok) {
                    // a file larger than asked (grown after a give-up) counts at the size the node measured
                    long reached = event.virtualSizeBytes() == null ? sizeGb
                            : Math.max(sizeGb, VolumeSizes.gibFor(event.virtualSizeBytes()));
                    Volume grown = measured(event);
                    boolean done = grown.virtualSizeBytes() != null
                            && grown.virtualSizeBytes() >= VolumeSizes.bytes(sizeGb);
                    yield updated(grown.with(reached, status, null, attachedVmId, diskId,
                            done ? settled(VolumeOperation.RESIZE) : awaiting, now));
                }
                // the file kept its old size: give the pool back what the request reserved
                yield updated(with(keptSizeGb(), status, "resize failed: " + reason, attachedVmId, diskId,
                        settled(VolumeOperation.RESIZE), now));
            }
            case DELETE -> {
                boolean gaveUpDeleting = status == VolumeStatus.ERROR && attachedVmId == null;
                if (status != VolumeStatus.DELETING && !(ok && gaveUpDeleting)) {
                    yield ignored(event);
                }
                // a late success after the service gave up waiting (ERROR) still removes the volume
                yield ok ? new EventOutcome.Removed(this)
                         : updated(with(sizeGb, VolumeStatus.ERROR, "delete failed: " + reason, null, null, null, now));
            }
            case ATTACH -> status != VolumeStatus.ATTACHING || !event.vmId().equals(attachedVmId)
                    ? ignored(event)
                    : ok ? updated(with(sizeGb, VolumeStatus.ATTACHED, null, attachedVmId, diskId, resizeLeft(now),
                                 now))
                         : updated(with(sizeGb, VolumeStatus.AVAILABLE, "attach failed: " + reason, null, null,
                                 resizeLeft(now), now));
            case DETACH -> status != VolumeStatus.DETACHING || !event.vmId().equals(attachedVmId)
                    ? ignored(event)
                    : ok ? updated(with(sizeGb, VolumeStatus.AVAILABLE, null, null, null, resizeLeft(now), now))
                         : updated(with(sizeGb, VolumeStatus.ATTACHED, "detach failed: " + reason, attachedVmId,
                                 diskId, resizeLeft(now), now));
        };
    }

    /**
     * Whether the awaited command is overdue at {@code now}, by the shared rule ({@link AnswerPolicy#check}): not
     * yet, send it again, or (the last attempt went unanswered too) give up. Giving up on a create or delete is an
     * ERROR; on an attach or detach an ERROR that keeps the VM (detach settles it); on a resize the size the node
     * last measured, with the reason.
     *
     * @param node the pool's node, named in the status reason
     */
    public OverdueCheck overdue(Instant now, AnswerPolicy policy, String node) {
        if (awaiting == null) {
            return new OverdueCheck.NotYet();
        }
        return switch (policy.check(awaiting.answer(policy), now)) {
            case Overdue.NotYet notYet -> new OverdueCheck.NotYet();
            case Overdue.SendAgain again -> new OverdueCheck.Resend(with(sizeGb, status, statusReason, attachedVmId,
                    diskId, awaiting.resent(again.next()), updatedAt));
            case Overdue.GiveUp giveUp -> new OverdueCheck.GaveUp(givenUp(giveUp.last(), node, now));
        };
    }

    private Volume givenUp(AwaitedAnswer last, String node, Instant now) {
        String silence = "node " + node + " did not answer " + awaiting.operation() + " after " + last.attempts()
                + (last.attempts() == 1 ? " attempt" : " attempts") + " (last sent " + last.sentAt() + ")";
        return switch (awaiting.operation()) {
            case CREATE, DELETE -> with(sizeGb, VolumeStatus.ERROR, silence, attachedVmId, diskId, null, now);
            case ATTACH, DETACH -> with(sizeGb, VolumeStatus.ERROR, silence + "; detach the volume to settle it",
                    attachedVmId, diskId, null, now);
            case RESIZE -> with(keptSizeGb(), status, "resize to " + sizeGb + " GiB not confirmed: " + silence,
                    attachedVmId, diskId, null, now);
        };
    }

    private AwaitedCommand sent(VolumeOperation operation, Instant now) {
        return AwaitedCommand.sent(operation, now);
    }

    /** The awaited command once a report about {@code operation} settled it. */
    private AwaitedCommand settled(VolumeOperation operation) {
        return awaiting != null && awaiting.is(operation) ? null : awaiting;
    }

    /**
     * After an attach or detach settles: a grow the node has not confirmed yet (asked before the attach or detach
     * took the volume's one awaited slot) is awaited again, so a lost ResizeVolume is still sent again.
     */
    private AwaitedCommand resizeLeft(Instant now) {
        boolean grow = virtualSizeBytes != null && virtualSizeBytes < VolumeSizes.bytes(sizeGb);
        return grow ? AwaitedCommand.sent(VolumeOperation.RESIZE, now) : null;
    }

    /** The size the node last measured, in whole GiB (what the pool keeps counting after a failed grow). */
    private long keptSizeGb() {
        return virtualSizeBytes == null ? sizeGb : Math.max(1, VolumeSizes.gibFor(virtualSizeBytes));
    }

    private Volume measured(VolumeEvent event) {
        return new Volume(id, tenantId, poolId, name, description, sizeGb, status, statusReason, imageId, ownerVmId,
                attachedVmId, diskId,
                event.virtualSizeBytes() != null ? event.virtualSizeBytes() : virtualSizeBytes,
                event.allocatedBytes() != null ? event.allocatedBytes() : allocatedBytes,
                awaiting, version, createdAt, updatedAt);
    }

    private Volume with(long newSizeGb, VolumeStatus newStatus, String reason, UUID vmId, String newDiskId,
                        AwaitedCommand newAwaiting, Instant now) {
        return new Volume(id, tenantId, poolId, name, description, newSizeGb, newStatus, reason, imageId, ownerVmId,
                vmId, newDiskId, virtualSizeBytes, allocatedBytes, newAwaiting, version, createdAt, now);
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
