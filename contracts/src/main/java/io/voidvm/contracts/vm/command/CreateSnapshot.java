package io.voidvm.contracts.vm.command;

import io.voidvm.contracts.SnapshotName;

/**
 * Take a named snapshot of the VM's disks.
 *
 * @param includeMemory also save RAM and device state, so a restore resumes the running guest
 */
public record CreateSnapshot(String name, boolean includeMemory) implements VmCommand {

    public CreateSnapshot {
        SnapshotName.require(name);
    }
}
