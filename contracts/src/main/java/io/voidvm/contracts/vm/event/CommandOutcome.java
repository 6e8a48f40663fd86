package io.voidvm.contracts.vm.event;

/** How a command or snapshot operation ended. */
public enum CommandOutcome {
    SUCCEEDED,
    FAILED
}
