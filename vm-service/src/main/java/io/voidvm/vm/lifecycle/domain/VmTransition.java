package io.voidvm.vm.lifecycle.domain;

import io.voidvm.contracts.vm.command.VmCommand;
import java.util.List;
import java.util.Objects;

/**
 * The result of a change to a VM: the VM to store and the commands to put in the outbox in the same
 * transaction, addressed to {@code vm.nodeName()}.
 *
 * @param commands empty for a no-op and for a VM that is not placed yet (placement sends its state later)
 * @param noOp     nothing changed; the request still succeeds
 */
public record VmTransition(Vm vm, List<VmCommand> commands, boolean noOp) {

    public VmTransition {
        Objects.requireNonNull(vm, "vm");
        commands = List.copyOf(commands);
        if (noOp && !commands.isEmpty()) {
            throw new IllegalArgumentException("a no-op sends no command");
        }
    }

    static VmTransition unchanged(Vm vm) {
        return new VmTransition(vm, List.of(), true);
    }
}
