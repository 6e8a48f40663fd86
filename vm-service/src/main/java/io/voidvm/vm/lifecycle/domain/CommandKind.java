package io.voidvm.vm.lifecycle.domain;

/**
 * Which node command a state-machine decision sends, before it is given a generation and a spec by
 * {@link VmCommandFactory}. The table speaks in kinds so that it stays a plain, comparable value.
 */
public enum CommandKind {
    DEFINE(true),
    START(true),
    STOP(true),
    FORCE_STOP(true),
    PAUSE(true),
    RESUME(true),
    DELETE(true),
    RESET(false),
    REBOOT(false);

    private final boolean desiredState;

    CommandKind(boolean desiredState) {
        this.desiredState = desiredState;
    }

    /** Whether the command moves desired state, and so takes the next generation (ADR 0001). */
    public boolean changesDesiredState() {
        return desiredState;
    }
}
