package io.voidvm.contracts.vm.event;

/**
 * Observed VM status. The REST API shows the same names; {@link #DELETED} exists only on the wire and
 * {@link #UNKNOWN} never does.
 */
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
    DELETED,
    /**
     * Set by vm-service only, never sent by a node agent: the VM's node stopped sending heartbeats, so nobody
     * knows what the VM is doing. {@link VmStatusChanged} refuses it, so it never appears on the wire and adding
     * it kept {@code schemaVersion} 1 (ADR 0001). The node's next report replaces it.
     */
    UNKNOWN
}
