package io.voidvm.vm.operation.domain;

import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.vm.lifecycle.domain.DesiredPower;
import io.voidvm.vm.lifecycle.domain.VmAction;

/**
 * What an operation was asked to do: creating a VM, or one of the {@link VmAction}s. Says how the
 * operation finishes: by the node reporting the VM in the requested state, or by the node's result for
 * the one command that is the whole action.
 */
public enum OperationAction {
    CREATE,
    START,
    STOP,
    FORCE_STOP,
    PAUSE,
    RESUME,
    RESET,
    REBOOT,
    DELETE,
    /** An admin removed a VM of a lost node at once ({@code DELETE ?force=true}); it is finished when opened. */
    FORCE_DELETE,
    UPDATE;

    public static OperationAction of(VmAction action) {
        return switch (action) {
            case START -> START;
            case STOP -> STOP;
            case FORCE_STOP -> FORCE_STOP;
            case PAUSE -> PAUSE;
            case RESUME -> RESUME;
            case RESET -> RESET;
            case REBOOT -> REBOOT;
            case DELETE -> DELETE;
            case UPDATE -> UPDATE;
        };
    }

    /**
     * Whether the operation succeeds when the VM is observed in the requested state (desired-state actions)
     * rather than on its command's result (one-shot actions; an update, which changes no status).
     */
    public boolean finishesByObservation() {
        return switch (this) {
            case CREATE, START, STOP, FORCE_STOP, PAUSE, RESUME, DELETE -> true;
            case RESET, REBOOT, UPDATE, FORCE_DELETE -> false;
        };
    }

    /** The desired power the action sets; {@code null} when it sets none. */
    public DesiredPower targetPower() {
        return switch (this) {
            case START, RESUME -> DesiredPower.RUNNING;
            case STOP, FORCE_STOP -> DesiredPower.STOPPED;
            case PAUSE -> DesiredPower.PAUSED;
            case DELETE, FORCE_DELETE -> DesiredPower.DELETED;
            case CREATE, RESET, REBOOT, UPDATE -> null;
        };
    }

    /** Whether this observed status is what the action asked for. */
    public boolean isSatisfiedBy(VmStatus status) {
        return switch (this) {
            case CREATE -> status == VmStatus.STOPPED || status == VmStatus.RUNNING || status == VmStatus.PAUSED;
            case START, RESUME -> status == VmStatus.RUNNING;
            case STOP, FORCE_STOP -> status == VmStatus.STOPPED;
            case PAUSE -> status == VmStatus.PAUSED;
            case DELETE, FORCE_DELETE -> status == VmStatus.DELETED;
            case RESET, REBOOT, UPDATE -> false;
        };
    }
}
