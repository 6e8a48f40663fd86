package io.voidvm.contracts.vm.command;

import io.voidvm.contracts.DnsLabel;
import java.util.Objects;
import java.util.UUID;

/**
 * Remove disk {@code diskId} (volume {@code volumeId}) from the VM: {@code device_del} + {@code blockdev-del}
 * when QEMU runs, and out of the VM's spec. Answered with a {@code VolumeEvent} DETACH; detaching a disk that
 * is not attached succeeds without doing anything.
 */
public record DetachVolume(String diskId, UUID volumeId) implements VmCommand {

    public DetachVolume {
        DnsLabel.require(diskId, "disk id");
        Objects.requireNonNull(volumeId, "volumeId is required");
    }
}
