package io.voidvm.contracts.vm.command;

/** Desired power state RUNNING (a no-op on a running VM). */
public record StartVm(long generation) implements DesiredStateCommand {

    public StartVm {
        DesiredStateCommand.requireGeneration(generation);
    }
}
