package io.voidvm.contracts.vm.command;

import io.voidvm.contracts.SnapshotName;

/** Remove a named snapshot; deleting one that is already gone succeeds. */
public record DeleteSnapshot(String name) implements VmCommand {

    public DeleteSnapshot {
        SnapshotName.require(name);
    }
}
