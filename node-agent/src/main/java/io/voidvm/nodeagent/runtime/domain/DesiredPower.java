package io.voidvm.nodeagent.runtime.domain;

/** The power state vm-service wants, as last applied by this agent (persisted in {@code spec.json}). */
public enum DesiredPower {
    RUNNING,
    PAUSED,
    STOPPED,
    /** The VM must be stopped and its local state removed. */
    DELETED;

    /** Whether a QEMU process should exist. */
    public boolean wantsQemu() {
        return this == RUNNING || this == PAUSED;
    }
}
