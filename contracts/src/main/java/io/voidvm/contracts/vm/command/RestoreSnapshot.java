package io.voidvm.contracts.vm.command;

import io.voidvm.contracts.SnapshotName;

/** Roll the VM back to a named snapshot. */
public record RestoreSnapshot(String name) implements VmCommand {

    public RestoreSnapshot {
        SnapshotName.require(name);
    }
}
