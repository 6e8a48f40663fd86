package io.voidvm.contracts.vm.command;

import io.voidvm.contracts.vm.spec.DiskSource;
import io.voidvm.contracts.vm.spec.DiskSpec;
import java.util.Objects;

/**
 * Add a volume to the VM as disk {@code disk.id()}. The agent records it in the VM's spec and, when QEMU runs,
 * hot-plugs it (QMP {@code blockdev-add} + {@code device_add}); it answers with a {@code VolumeEvent} ATTACH.
 * Attaching a disk id that is already attached to the same volume succeeds without doing anything.
 */
public record AttachVolume(DiskSpec disk) implements VmCommand {

    public AttachVolume {
        Objects.requireNonNull(disk, "disk is required");
        if (!(disk.source() instanceof DiskSource.Volume)) {
            throw new IllegalArgumentException("only volumes can be attached, got " + disk.source());
        }
    }
}
