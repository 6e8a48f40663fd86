package io.voidvm.vm.lifecycle.domain;

import io.voidvm.contracts.DnsLabel;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.contracts.vm.event.VmStatusChanged;
import io.voidvm.contracts.vm.spec.OsType;
import io.voidvm.vm.lifecycle.domain.Observation.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A VM: its spec, the power state the user wants ({@link #desiredPower}) and the status the node last
 * reported or vm-service set while waiting for it ({@link #status}). Immutable; every change returns a new
 * VM plus the commands that make the node converge ({@link VmTransition}).
 *
 * @param description        never {@code null}; empty when none was given
 * @param diskSizeGb         size of the boot disk; {@code null} for a VM without a disk (no image, no size given)
 * @param bootVolume         the volume made from {@code imageId}; {@code null} for the node's test disk
 * @param statusReason       why the status is what it is ("guest panicked", "no node with 4 free vCPUs")
 * @param nodeName           {@code null} until placement picks a node
 * @param generation         raised by every desired-state change; each such command carries it
 * @param observedGeneration the highest generation a node has reported as applied (0: none yet)
 * @param observedAt         when the node saw the status last applied; orders reports within a generation
 * @param version            optimistic-lock token as loaded; the store compares and raises it
 */
public record Vm(
        UUID id,
        String tenantId,
        String name,
        String description,
        int cpuCores,
        long memoryMb,
        Integer diskSizeGb,
        UUID imageId,
        BootVolume bootVolume,
        List<UUID> networkIds,
        OsType osType,
        DesiredPower desiredPower,
        VmStatus status,
        String statusReason,
        String nodeName,
        long generation,
        long observedGeneration,
        Instant observedAt,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public Vm {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        networkIds = List.copyOf(networkIds);
        Objects.requireNonNull(osType, "osType");
        Objects.requireNonNull(desiredPower, "desiredPower");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (generation < 1 || observedGeneration < 0) {
            throw new IllegalArgumentException("generation must be >= 1 and observedGeneration >= 0, got "
                    + generation + " and " + observedGeneration);
        }
    }

    /**
     * A new, unplaced VM in status PENDING at generation 1.
     *
     * @param initialPower RUNNING to start it as soon as it is placed, or STOPPED
     * @throws InvalidVmSpec listing every field that breaks a rule
     */
    public static Vm create(UUID id, String tenantId, NewVm spec, DesiredPower initialPower,
                            VmSpecValidator validator, Instant now) {
        if (initialPower != DesiredPower.RUNNING && initialPower != DesiredPower.STOPPED) {
            throw new IllegalArgumentException("a new VM is RUNNING or STOPPED, not " + initialPower);
        }
        validator.requireValid(spec);
        return new Vm(id, tenantId, spec.name(), Objects.requireNonNullElse(spec.description(), ""),
                spec.cpuCores(), spec.memoryMb(), spec.diskSizeGb(), spec.imageId(), null,
                spec.networkIds() == null ? List.of() : spec.networkIds(),
                Objects.requireNonNullElse(spec.osType(), OsType.OTHER),
                initialPower, VmStatus.PENDING, null, null, 1, 0, null, 0, now, now);
    }

    /**
     * Applies a power or delete action ({@link #update} handles UPDATE).
     *
     * @throws InvalidTransition when the state machine does not allow the action in the current status
     */
    public VmTransition apply(VmAction action, VmCommandFactory commands, Instant now) {
        if (action == VmAction.UPDATE) {
            throw new IllegalArgumentException("an update needs its fields: use update(...)");
        }
        Decision decision = decide(action);
        if (decision.noOp()) {
            return VmTransition.unchanged(this);
        }
        // nothing runs anywhere yet, so there is nothing to wait for: the VM is gone at once
        VmStatus statusAfter = nodeName == null && decision.desiredPower() == DesiredPower.DELETED
                ? VmStatus.DELETED : decision.status();
        return converge(this, decision.desiredPower(), statusAfter, decision.commands(), commands, now);
    }

    /**
     * Changes name, description, CPU or memory. CPU and memory need a VM that runs nowhere
     * ({@link VmStateMachine#allowsStoppedOnlyChange}); a change the node keeps is sent as a new definition.
     *
     * @throws InvalidVmSpec      when a value breaks a field rule
     * @throws InvalidTransition when the VM is being deleted, or CPU/memory change while it may run
     */
    public VmTransition update(VmUpdate update, VmSpecValidator validator, VmCommandFactory commands, Instant now) {
        validator.requireValid(update);
        Decision decision = decide(VmAction.UPDATE);
        Set<VmUpdate.Field> changed = update.changedFields(this);
        String needStop = changed.stream().filter(VmUpdate.Field::needsStoppedVm)
                .map(VmUpdate.Field::jsonName).collect(Collectors.joining(", "));
        if (!needStop.isEmpty() && !VmStateMachine.allowsStoppedOnlyChange(status)) {
            throw new InvalidTransition(status, VmAction.UPDATE, needStop + " can change only while the VM is "
                    + VmStatus.STOPPED);
        }
        if (changed.isEmpty()) {
            return VmTransition.unchanged(this);
        }
        Vm edited = new Vm(id, tenantId, update.nameOr(name), update.descriptionOr(description),
                update.cpuCoresOr(cpuCores), update.memoryMbOr(memoryMb), diskSizeGb, imageId, bootVolume, networkIds,
                osType, desiredPower, status, statusReason, nodeName, generation, observedGeneration, observedAt,
                version, createdAt, now);
        boolean nodeKeepsIt = changed.stream().anyMatch(VmUpdate.Field::inNodeSpec);
        return converge(edited, decision.desiredPower(), decision.status(),
                nodeKeepsIt ? decision.commands() : List.of(), commands, now);
    }

    /**
     * Puts an unplaced VM on a node: the node gets the definition and, for a VM that should run, a start.
     * A VM that should run shows STARTING; one that should stay stopped stays PENDING until the node reports.
     */
    public VmTransition placeOn(String node, VmCommandFactory commands, Instant now) {
        DnsLabel.require(node, "nodeName");
        if (nodeName != null || status != VmStatus.PENDING) {
            throw new IllegalStateException("VM " + id + " is already placed (" + nodeName + ", " + status + ")");
        }
        if (bootVolume != null && !bootVolume.nodeName().equals(node)) {
            throw new IllegalStateException("VM " + id + " boots from a volume on " + bootVolume.nodeName()
                    + ", not on " + node);
        }
        Vm placed = new Vm(id, tenantId, name, description, cpuCores, memoryMb, diskSizeGb, imageId, bootVolume,
                networkIds, osType, desiredPower, status, null, node, generation, observedGeneration, observedAt,
                version, createdAt, now);
        return switch (desiredPower) {
            case RUNNING -> converge(placed, desiredPower, VmStatus.STARTING,
                    List.of(CommandKind.DEFINE, CommandKind.START), commands, now);
            case STOPPED -> converge(placed, desiredPower, VmStatus.PENDING, List.of(CommandKind.DEFINE), commands,
                    now);
            case PAUSED, DELETED -> throw new IllegalStateException("an unplaced VM cannot be " + desiredPower);
        };
    }

    /** Records why no node can take this unplaced VM yet; the same VM when the reason is unchanged. */
    public Vm unplaceable(String reason, Instant now) {
        Objects.requireNonNull(reason, "reason");
        if (nodeName != null) {
            throw new IllegalStateException("VM " + id + " is already placed on " + nodeName);
        }
        if (reason.equals(statusReason)) {
            return this;
        }
        return new Vm(id, tenantId, name, description, cpuCores, memoryMb, diskSizeGb, imageId, bootVolume, networkIds,
                osType, desiredPower, status, reason, nodeName, generation, observedGeneration, observedAt,
                version, createdAt, now);
    }

    /**
     * The same status with another reason: vm-service's own news about the VM, e.g. that a request timed out
     * waiting for the node (ADR 0013). The status stays, since only a node reports what the VM does.
     */
    public Vm withStatusReason(String reason, Instant now) {
        Objects.requireNonNull(reason, "reason");
        return new Vm(id, tenantId, name, description, cpuCores, memoryMb, diskSizeGb, imageId, bootVolume, networkIds,
                osType, desiredPower, status, reason, nodeName, generation, observedGeneration, observedAt,
                version, createdAt, now);
    }

    /**
     * Takes a status report from the VM's node. Reports are harmless to repeat or reorder: an older
     * generation, or an earlier time within the same generation, is STALE; the same report again is
     * DUPLICATE. A report from a node still behind the latest desired generation is LAGGING: it does not
     * replace the transitional status vm-service set. A report at a generation vm-service never issued is
     * NEVER_ISSUED and changes nothing: were it taken, every real command after it would look older than what
     * the node "applied", and a delete would wait for ever.
     */
    public Observation observe(VmStatusChanged report, Instant now) {
        if (nodeName == null) {
            return new Observation(this, Outcome.NOT_PLACED, false);
        }
        long reported = report.generation();
        if (reported > generation) {
            return new Observation(this, Outcome.NEVER_ISSUED, false);
        }
        boolean sameGeneration = reported == observedGeneration;
        if (reported < observedGeneration
                || sameGeneration && observedAt != null && report.observedAt().isBefore(observedAt)) {
            return new Observation(this, Outcome.STALE, false);
        }
        if (reported < generation) {
            if (status == VmStatus.UNKNOWN) {
                // the node is back but behind: what it reports beats UNKNOWN, shown as it converges on the request
                return new Observation(observed(VmStateMachine.converging(report.status(), desiredPower),
                        report.reason(), reported, report.observedAt(), now), Outcome.LAGGING, true);
            }
            if (sameGeneration) {
                return new Observation(this, Outcome.LAGGING, false);
            }
            return new Observation(observed(status, statusReason, reported, report.observedAt(), now),
                    Outcome.LAGGING, true);
        }
        VmStatus reportedStatus = report.status();
        String reason = report.reason();
        if (reportedStatus == VmStatus.DELETED && desiredPower != DesiredPower.DELETED) {
            // never drop a VM the user still wants because a node says it is gone
            reportedStatus = VmStatus.ERROR;
            reason = "node " + nodeName + " reported the VM deleted, but it should exist";
        } else if (desiredPower == DesiredPower.DELETED && reportedStatus != VmStatus.DELETED
                && reportedStatus != VmStatus.ERROR) {
            // a delete stops the VM first, so its node reports STOPPED on the way: the VM stays DELETING, since a
            // STOPPED VM would take a stop or start that revokes the delete (found by the fault soak)
            reportedStatus = VmStatus.DELETING;
        }
        if (sameGeneration && reportedStatus == status && Objects.equals(reason, statusReason)) {
            return new Observation(this, Outcome.DUPLICATE, false);
        }
        return new Observation(observed(reportedStatus, reason, reported, report.observedAt(), now),
                Outcome.APPLIED, true);
    }

    /**
     * The same VM booting from {@code volume}; only before it is placed, and only onto the volume's node.
     */
    public Vm withBootVolume(BootVolume volume) {
        Objects.requireNonNull(volume, "volume");
        if (nodeName != null) {
            throw new IllegalStateException("VM " + id + " is already placed on " + nodeName);
        }
        return new Vm(id, tenantId, name, description, cpuCores, memoryMb, diskSizeGb, imageId, volume, networkIds,
                osType, desiredPower, status, statusReason, nodeName, generation, observedGeneration, observedAt,
                version, createdAt, updatedAt);
    }

    /**
     * Its node stopped sending heartbeats: the VM's status is UNKNOWN, with {@code reason} naming the node. The
     * generations stay, so the node's next report is judged as usual. The same VM when not placed or already
     * UNKNOWN.
     */
    public Vm nodeLost(String reason, Instant now) {
        Objects.requireNonNull(reason, "reason");
        if (nodeName == null || status == VmStatus.UNKNOWN) {
            return this;
        }
        return withStatus(VmStatus.UNKNOWN, reason, now);
    }

    /** Its node is READY again: an UNKNOWN VM says it waits for the node's report. Any other VM stays. */
    public Vm nodeBack(String reason, Instant now) {
        Objects.requireNonNull(reason, "reason");
        if (status != VmStatus.UNKNOWN || reason.equals(statusReason)) {
            return this;
        }
        return withStatus(VmStatus.UNKNOWN, reason, now);
    }

    /**
     * An admin deleted the VM by force (its node is lost): the VM is gone at once and placed nowhere, so its
     * open operations end and its node's capacity is free. Whether the node allows it is the caller's check.
     */
    public Vm forceDeleted(Instant now) {
        return new Vm(id, tenantId, name, description, cpuCores, memoryMb, diskSizeGb, imageId, bootVolume, networkIds,
                osType, DesiredPower.DELETED, VmStatus.DELETED, "deleted by force", null, generation,
                observedGeneration, observedAt, version, createdAt, now);
    }

    /** The node confirmed the deletion (or there was never a node): the row may go. */
    public boolean isGone() {
        return status == VmStatus.DELETED;
    }

    /**
     * The table's decision; on an UNKNOWN VM a refusal names the node, since waiting for it (or deleting) is the
     * only way on.
     */
    private Decision decide(VmAction action) {
        if (status == VmStatus.UNKNOWN && VmStateMachine.rule(status, action).isEmpty()) {
            throw new InvalidTransition(status, action, Objects.requireNonNullElse(statusReason, "node " + nodeName
                    + " is not ready") + "; only delete is possible until node " + nodeName + " reports the VM again");
        }
        return VmStateMachine.decide(status, desiredPower, action);
    }

    private Vm withStatus(VmStatus newStatus, String reason, Instant now) {
        return new Vm(id, tenantId, name, description, cpuCores, memoryMb, diskSizeGb, imageId, bootVolume, networkIds,
                osType, desiredPower, newStatus, reason, nodeName, generation, observedGeneration, observedAt,
                version, createdAt, now);
    }

    private Vm observed(VmStatus newStatus, String reason, long reportedGeneration, Instant reportedAt, Instant now) {
        return new Vm(id, tenantId, name, description, cpuCores, memoryMb, diskSizeGb, imageId, bootVolume, networkIds,
                osType, desiredPower, newStatus, reason, nodeName, generation, reportedGeneration, reportedAt,
                version, createdAt, now);
    }

    /**
     * Sets desired power and status on {@code base}, raises the generation once per desired-state command and
     * builds the commands. A reason belongs to a status, so a new status clears it.
     */
    private static VmTransition converge(Vm base, DesiredPower desired, VmStatus newStatus, List<CommandKind> kinds,
                                         VmCommandFactory commands, Instant now) {
        long raisedBy = kinds.stream().filter(CommandKind::changesDesiredState).count();
        String reason = newStatus == base.status ? base.statusReason : null;
        Vm after = new Vm(base.id, base.tenantId, base.name, base.description, base.cpuCores, base.memoryMb,
                base.diskSizeGb, base.imageId, base.bootVolume, base.networkIds, base.osType, desired, newStatus,
                reason, base.nodeName, base.generation + raisedBy, base.observedGeneration, base.observedAt,
                base.version, base.createdAt, now);
        return new VmTransition(after,
                base.nodeName == null ? List.of() : commands.build(kinds, after, base.generation), false);
    }
}
