package io.voidvm.contracts.vm.command;

/** The VM must be gone: stop QEMU and remove its local state. Reported as status DELETED. */
public record DeleteVm(long generation) implements DesiredStateCommand {

    public DeleteVm {
        DesiredStateCommand.requireGeneration(generation);
    }
}
