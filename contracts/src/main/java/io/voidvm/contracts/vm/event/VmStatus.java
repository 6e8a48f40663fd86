package io.voidvm.contracts.vm.event;

/** Observed VM status. The REST API shows the same names; {@link #DELETED} exists only on the wire. */
public enum VmStatus {
    PENDING,
    STOPPED,
    STARTING,
    RUNNING,
    PAUSED,
    STOPPING,
    ERROR,
    DELETING,
    /** The agent removed the VM and its local state; vm-service may now drop its row. */
    DELETED
}
