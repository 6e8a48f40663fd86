package io.voidvm.nodeagent.runtime;

import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.contracts.vm.event.VmStatusChanged;
import io.voidvm.nodeagent.runtime.domain.VmRecord;
import io.voidvm.nodeagent.runtime.domain.VmState;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the agent has observed of one VM, and its reports: every change of {@link VmState} is checked against the
 * state machine, logged and published as a {@code VmStatusChanged} that carries the cause of the task now
 * running, so events a command causes carry its operation. Used only on the VM's serial executor.
 */
final class ObservedState {

    private static final Logger log = LoggerFactory.getLogger(ObservedState.class);

    private final UUID vmId;
    private final RuntimeContext context;
    private final Supplier<VmRecord> record;
    private volatile VmState state = VmState.DEFINED;
    /** Context of the task now running. */
    private EventContext cause;
    /** Status events published so far; tells a command whether it reported anything. */
    private long reports;
    /** The last status event published; the node's full report repeats it (ADR 0011). */
    private volatile VmStatusChanged last;

    ObservedState(UUID vmId, RuntimeContext context, Supplier<VmRecord> record) {
        this.vmId = vmId;
        this.context = context;
        this.record = record;
    }

    VmState state() {
        return state;
    }

    EventContext cause() {
        return cause;
    }

    /** The task about to run was caused by {@code origin}. */
    void causedBy(EventContext origin) {
        cause = origin;
    }

    long reports() {
        return reports;
    }

    /** The last status published, as published; empty before the first. Readable from any thread. */
    Optional<VmStatusChanged> last() {
        return Optional.ofNullable(last);
    }

    /** Moves to {@code next} and reports it; a reason alone (same state) is reported too. */
    void transition(VmState next, String reason) {
        if (next == state && reason == null) {
            return;
        }
        if (next != state && !state.canBecome(next)) {
            throw new IllegalStateException("VM " + vmId + ": no transition " + state + " -> " + next);
        }
        log.info("VM {}: {} -> {}{}", vmId, state, next, reason == null ? "" : " (" + reason + ")");
        state = next;
        publish(next.toStatus(), reason);
    }

    /**
     * Reports the current state so that vm-service observes the current generation, unless the last report already
     * said exactly that (a command or resync that found the VM where it should be, after the other one moved it).
     */
    void confirm() {
        VmStatusChanged previous = last;
        VmStatus status = state.toStatus();
        if (previous != null && previous.status() == status && previous.generation() == record.get().generation()) {
            return;
        }
        publish(status, null);
    }

    void publish(VmStatus status, String reason) {
        reports++;
        VmStatusChanged report = new VmStatusChanged(status, reason, record.get().generation(),
                context.clock().instant());
        last = report;
        context.events().publish(cause, report);
    }
}
