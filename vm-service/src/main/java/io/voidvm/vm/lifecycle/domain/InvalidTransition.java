package io.voidvm.vm.lifecycle.domain;

import io.voidvm.contracts.vm.event.VmStatus;
import java.util.Objects;

/**
 * The action is not allowed in the VM's current status (HTTP 409). The message names the status, so the
 * client knows what to do next without another GET.
 *
 * @see VmStateMachine
 */
public final class InvalidTransition extends VmDomainException {

    private final VmStatus currentStatus;
    private final VmAction action;

    public InvalidTransition(VmStatus currentStatus, VmAction action) {
        this(currentStatus, action, null);
    }

    /** @param why optional explanation appended to the message, e.g. which fields need a stopped VM */
    public InvalidTransition(VmStatus currentStatus, VmAction action, String why) {
        super("cannot " + Objects.requireNonNull(action, "action").verb() + " while "
                + Objects.requireNonNull(currentStatus, "currentStatus") + (why == null ? "" : ": " + why));
        this.currentStatus = currentStatus;
        this.action = action;
    }

    public VmStatus currentStatus() {
        return currentStatus;
    }

    public VmAction action() {
        return action;
    }
}
