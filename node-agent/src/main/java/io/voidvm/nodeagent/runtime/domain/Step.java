package io.voidvm.nodeagent.runtime.domain;

/** One action that moves an observed state towards a desired one; see {@link Convergence}. */
public enum Step {
    /** Already there. */
    NONE,
    /** Spawn QEMU (paused, {@code -S}); it runs only after {@link #CONTINUE}. */
    LAUNCH,
    /** QMP {@code cont}. */
    CONTINUE,
    /** QMP {@code stop}. */
    PAUSE,
    /** End QEMU: ACPI power-down first unless forced, {@code quit}/SIGKILL after the timeout. */
    SHUT_DOWN,
    /** Delete the VM's directory; only once no QEMU is left. */
    REMOVE
}
