package io.voidvm.vm.vmlog.domain;

/** What kind of event a VM log entry records. Stored by name: never rename a constant. */
public enum VmLogKind {
    /** The VM's node reported a change of status with a reason (a crash, a restart by policy, a forced stop). */
    NODE_REPORT,
    /** A node's full observed-state report set a status whose own event was lost (ADR 0011). */
    STATUS_CORRECTED,
    /** An operation got no answer from the VM's node by its deadline (ADR 0013); the reason says what was awaited. */
    OPERATION_TIMED_OUT,
    /** The VM's node stopped sending heartbeats: the VM is UNKNOWN (ADR 0012). */
    NODE_LOST,
    /** The VM's node sends heartbeats again; the VM waits for the node's report on it (ADR 0012). */
    NODE_BACK,
    /** An admin deleted the VM by force while its node was lost (ADR 0012). */
    FORCE_DELETED
}
