package io.voidvm.vm.operation.domain;

import io.voidvm.vm.lifecycle.domain.Vm;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The deadline rule for one operation (ADR 0013): an operation still open at its deadline fails with
 * {@link OperationProblem#TIMED_OUT}, its problem naming the node and what was awaited, and the VM keeps its status
 * (vm-service does not know better than the node) with a reason that says the request timed out. A finished
 * operation is never touched, so a late answer can move the VM but not the operation.
 */
public final class OperationTimeouts {

    /**
     * The operation failed and the VM with its new reason.
     *
     * @param vm {@code null} when the VM is gone
     */
    public record TimedOut(Operation operation, Vm vm) {
        public TimedOut {
            Objects.requireNonNull(operation, "operation");
        }
    }

    private OperationTimeouts() {
    }

    /**
     * Times {@code operation} out when it is open and its deadline has come; empty otherwise.
     *
     * @param vm the operation's VM as it is now (locked by the caller), or {@code null} when it is gone
     */
    public static Optional<TimedOut> check(Operation operation, Vm vm, Instant now) {
        Objects.requireNonNull(operation, "operation");
        if (operation.isFinished() || !operation.awaited().isOverdueAt(now)) {
            return Optional.empty();
        }
        if (vm != null && !vm.id().equals(operation.vmId())) {
            throw new IllegalArgumentException("operation " + operation.id() + " is about VM " + operation.vmId()
                    + ", not " + vm.id());
        }
        String timedOut = verb(operation.action()) + " timed out after " + human(operation.awaited().allowed())
                + " waiting for " + waitedFor(vm);
        String detail = timedOut + ": " + missing(operation, vm);
        Operation failed = operation.fail(new OperationProblem(OperationProblem.TIMED_OUT, detail), now);
        return Optional.of(new TimedOut(failed, vm == null ? null : vm.withStatusReason(timedOut, now)));
    }

    private static String waitedFor(Vm vm) {
        if (vm == null) {
            return "its VM, which is gone";
        }
        return vm.nodeName() == null ? "a node to place the VM on" : "node " + vm.nodeName();
    }

    /** What did not come: a report, a command result, or a node with room (the placement's reason). */
    private static String missing(Operation operation, Vm vm) {
        if (vm == null) {
            return "the VM was removed before its node answered";
        }
        if (vm.nodeName() == null) {
            return vm.statusReason() == null ? "no node could take it" : vm.statusReason();
        }
        if (!operation.action().finishesByObservation()) {
            return operation.commandMessageId() == null ? "no result for its command"
                    : "no result for its command " + operation.commandMessageId();
        }
        String expected = switch (operation.action()) {
            case CREATE -> "defined";
            case START, RESUME -> "RUNNING";
            case STOP, FORCE_STOP -> "STOPPED";
            case PAUSE -> "PAUSED";
            case DELETE -> "deleted";
            case RESET, REBOOT, UPDATE, FORCE_DELETE ->
                    throw new IllegalStateException("finishes by its command's result, or when opened");
        };
        return "no report of the VM " + expected + " at generation " + operation.generation()
                + " (the node last applied generation " + vm.observedGeneration() + ")";
    }

    private static String verb(OperationAction action) {
        return action == OperationAction.FORCE_STOP ? "force stop" : action.name().toLowerCase(Locale.ROOT);
    }

    /** "45 s", "90 s", "6 min", "2 min 30 s": how a budget reads in a reason. */
    static String human(Duration duration) {
        long seconds = Math.max(0, (duration.toMillis() + 500) / 1000);
        if (seconds < 120) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        long rest = seconds % 60;
        return rest == 0 ? minutes + " min" : minutes + " min " + rest + " s";
    }
}
