package io.voidvm.contracts.vm.command;

/** Desired power state RUNNING again after a pause. */
public record ResumeVm(long generation) implements DesiredStateCommand {

    public ResumeVm {
        DesiredStateCommand.requireGeneration(generation);
    }
}
