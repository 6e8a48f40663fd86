package io.voidvm.contracts.vm.spec;

/** What the agent does when QEMU exits without being asked to. */
public enum RestartPolicy {
    /** Restart after any exit, including a guest-initiated power-off. */
    ALWAYS,
    /** Restart only after a crash or a non-zero exit. */
    ON_FAILURE,
    /** Leave the VM stopped. */
    NEVER
}
