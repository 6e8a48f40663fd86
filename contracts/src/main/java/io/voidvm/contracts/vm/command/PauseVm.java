package io.voidvm.contracts.vm.command;

/** Desired power state PAUSED: vCPUs stop, memory stays. */
public record PauseVm(long generation) implements DesiredStateCommand {

    public PauseVm {
        DesiredStateCommand.requireGeneration(generation);
    }
}
