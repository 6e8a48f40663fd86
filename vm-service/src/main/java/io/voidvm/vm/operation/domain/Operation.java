package io.voidvm.vm.operation.domain;

import io.voidvm.contracts.vm.event.CommandOutcome;
import io.voidvm.contracts.vm.event.CommandResult;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.servicekit.awaiting.domain.AwaitedAnswer;
import io.voidvm.vm.lifecycle.domain.DesiredPower;
import io.voidvm.vm.lifecycle.domain.Vm;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One accepted request on a VM, as clients poll it at {@code /api/v1/operations/{id}}. Immutable; it moves
 * only forward (PENDING → RUNNING → SUCCEEDED | FAILED) and a finished operation never changes again, so
 * duplicate or late reports are harmless.
 *
 * @param generation       the VM's generation right after the request; only reports from a node that has
 *                         applied at least this generation can finish the operation
 * @param commandMessageId the message id of the last command sent for it; {@code null} when none was sent
 * @param deadline         by when the node must have finished it ({@link OperationDeadlines}); an open operation
 *                         past it is failed with {@link OperationProblem#TIMED_OUT} ({@link OperationTimeouts})
 * @param problem          set exactly when FAILED
 * @param finishedAt       set exactly when SUCCEEDED or FAILED
 */
public record Operation(
        UUID id,
        String tenantId,
        UUID vmId,
        OperationAction action,
        OperationStatus status,
        String requestedBy,
        long generation,
        UUID commandMessageId,
        Instant deadline,
        OperationProblem problem,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt) {

    public Operation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(vmId, "vmId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(deadline, "deadline");
        if (deadline.isBefore(createdAt)) {
            throw new IllegalArgumentException("deadline " + deadline + " is before createdAt " + createdAt);
        }
        if ((status == OperationStatus.FAILED) != (problem != null)) {
            throw new IllegalArgumentException("problem must be set exactly when FAILED");
        }
        if (status.isFinished() != (finishedAt != null)) {
            throw new IllegalArgumentException("finishedAt must be set exactly when finished");
        }
    }

    /**
     * Opens the operation for a request just applied to {@code vm}, and finishes it at once when nothing is
     * left to wait for (start on a running VM, delete of an unplaced VM, an update sent to no node).
     *
     * @param vm        the VM after the request
     * @param deadlines give the operation its deadline, by action
     */
    public static Operation open(UUID id, OperationAction action, Vm vm, String requestedBy, UUID commandMessageId,
                                 OperationDeadlines deadlines, Instant now) {
        var operation = new Operation(id, vm.tenantId(), vm.id(), action, OperationStatus.PENDING, requestedBy,
                vm.generation(), commandMessageId, deadlines.deadline(action, vm, now), null, now, now, null);
        if (!action.finishesByObservation() && commandMessageId == null) {
            return operation.succeed(now);
        }
        return operation.track(vm, now);
    }

    /**
     * Re-evaluates the operation against its VM after the VM changed (a status report, placement, a later
     * request). Call it for every open operation of the VM.
     */
    public Operation track(Vm vm, Instant now) {
        if (!vm.id().equals(vmId)) {
            throw new IllegalArgumentException("operation " + id + " is about VM " + vmId + ", not " + vm.id());
        }
        if (status.isFinished()) {
            return this;
        }
        if (vm.desiredPower() == DesiredPower.DELETED && action != OperationAction.DELETE) {
            return fail(new OperationProblem(vm.isGone() ? OperationProblem.VM_DELETED : OperationProblem.SUPERSEDED,
                    "the VM is being deleted"), now);
        }
        DesiredPower target = action.targetPower();
        if (target != null && vm.desiredPower() != target) {
            return fail(new OperationProblem(OperationProblem.SUPERSEDED,
                    "superseded by a later request: the VM should now be " + vm.desiredPower()), now);
        }
        if (!action.finishesByObservation()) {
            return this;
        }
        // an unplaced VM has no node to hear from; its status is vm-service's own and already current
        boolean caughtUp = vm.nodeName() == null || vm.observedGeneration() >= generation;
        if (!caughtUp) {
            return this;
        }
        if (action.isSatisfiedBy(vm.status())) {
            return succeed(now);
        }
        if (vm.status() == VmStatus.ERROR) {
            return fail(new OperationProblem(OperationProblem.VM_ERROR,
                    Objects.requireNonNullElse(vm.statusReason(), "the VM is in ERROR")), now);
        }
        return vm.nodeName() == null ? this : running(now);
    }

    /**
     * Takes a node's result for a command sent for this operation (the envelope's correlationId is this
     * operation's id). A failure fails the operation, except {@link OperationProblem#AGENT_BUSY} for an action the
     * VM's status reports the end of (the node converges on the stored desired state anyway); the result of its last command finishes a one-shot
     * action or an update; any other success only shows that the node is on it.
     */
    public Operation onCommandResult(CommandResult result, Instant now) {
        if (status.isFinished()) {
            return this;
        }
        if (result.outcome() == CommandOutcome.FAILED && action.finishesByObservation()
                && OperationProblem.AGENT_BUSY.equals(result.errorCode())) {
            // the node stored the desired state and will converge on it: the report (or the deadline) decides
            return running(now);
        }
        if (result.outcome() == CommandOutcome.FAILED) {
            return fail(new OperationProblem(result.errorCode(),
                    Objects.requireNonNullElse(result.errorDetail(), "the node could not carry out the command")),
                    now);
        }
        if (!action.finishesByObservation() && result.commandMessageId().equals(commandMessageId)) {
            return succeed(now);
        }
        return running(now);
    }

    /** Fails an open operation (for example {@link OperationProblem#TIMED_OUT}); a finished one stays. */
    public Operation fail(OperationProblem why, Instant now) {
        Objects.requireNonNull(why, "why");
        if (status.isFinished()) {
            return this;
        }
        return with(OperationStatus.FAILED, why, now, now);
    }

    public boolean isFinished() {
        return status.isFinished();
    }

    /** What the operation waits on, in service-kit's shared terms: one send at acceptance, due at the deadline. */
    public AwaitedAnswer awaited() {
        return new AwaitedAnswer(createdAt, deadline, 1);
    }

    private Operation succeed(Instant now) {
        return with(OperationStatus.SUCCEEDED, null, now, now);
    }

    private Operation running(Instant now) {
        return status == OperationStatus.RUNNING ? this : with(OperationStatus.RUNNING, null, now, null);
    }

    private Operation with(OperationStatus newStatus, OperationProblem newProblem, Instant now, Instant finished) {
        return new Operation(id, tenantId, vmId, action, newStatus, requestedBy, generation, commandMessageId,
                deadline, newProblem, createdAt, now, finished);
    }
}
