package io.voidvm.vm.vmlog.domain;

/** What kind of event a VM log entry records. Stored by name: never rename a constant. */
public enum VmLogKind {
    /** The VM's node reported a change of status with a reason (a crash, a restart by policy, a forced stop). */
    NODE_REPORT
}
