package io.voidvm.contracts.vm.spec;

import io.voidvm.contracts.DnsLabel;
import java.util.Objects;

/**
 * One virtual disk.
 *
 * @param id        stable within the VM; becomes the QEMU block node name, hence a DNS label
 * @param bootOrder position in the boot sequence (1 first); {@code null} when the disk is not bootable
 */
public record DiskSpec(
        String id,
        DiskSource source,
        DiskFormat format,
        DiskBus bus,
        Integer bootOrder,
        boolean readOnly) {

    public DiskSpec {
        DnsLabel.require(id, "disk id");
        Objects.requireNonNull(source, "disk source is required");
        Objects.requireNonNull(format, "disk format is required");
        Objects.requireNonNull(bus, "disk bus is required");
        if (bootOrder != null && bootOrder < 1) {
            throw new IllegalArgumentException("bootOrder must be at least 1, got " + bootOrder);
        }
    }
}
