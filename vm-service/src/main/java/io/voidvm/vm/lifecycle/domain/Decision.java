package io.voidvm.vm.lifecycle.domain;

import io.voidvm.contracts.vm.event.VmStatus;
import java.util.List;
import java.util.Objects;

/**
 * What an allowed action does to a VM.
 *
 * @param desiredPower the desired power state afterwards (unchanged for reset, reboot and update)
 * @param status       the status to show afterwards: a transitional one while the node catches up
 * @param commands     what to send to the VM's node, in order; empty for a no-op
 * @param noOp         the VM already is, or is already on its way to, what was asked: the request
 *                     succeeds without a command and without a new generation
 */
public record Decision(
        VmAction action,
        DesiredPower desiredPower,
        VmStatus status,
        List<CommandKind> commands,
        boolean noOp) {

    public Decision {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(desiredPower, "desiredPower");
        Objects.requireNonNull(status, "status");
        commands = List.copyOf(commands);
        if (noOp && !commands.isEmpty()) {
            throw new IllegalArgumentException("a no-op sends no command");
        }
    }
}
