package io.voidvm.contracts.vm.command;

/**
 * A command that moves the VM's desired state. {@link #generation()} is vm-service's desired-state
 * generation after the change: it only grows, so an agent that has applied generation N ignores any
 * command with a generation at or below N (duplicates, reordering across a resync).
 */
public sealed interface DesiredStateCommand extends VmCommand
        permits DefineVm, StartVm, StopVm, PauseVm, ResumeVm, DeleteVm {

    long generation();

    static long requireGeneration(long generation) {
        if (generation < 1) {
            throw new IllegalArgumentException("generation must be at least 1, got " + generation);
        }
        return generation;
    }
}
