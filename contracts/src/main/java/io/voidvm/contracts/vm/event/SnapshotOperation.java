package io.voidvm.contracts.vm.event;

/** Which snapshot operation a {@link SnapshotEvent} reports on. */
public enum SnapshotOperation {
    CREATE,
    RESTORE,
    DELETE
}
