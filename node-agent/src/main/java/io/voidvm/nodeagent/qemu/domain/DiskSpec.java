package io.voidvm.nodeagent.qemu.domain;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One virtual disk. {@code bootIndex} orders the firmware's boot attempts (lower first); null means the disk
 * is not offered for booting.
 */
public record DiskSpec(DiskSource source, DiskFormat format, boolean readOnly, Integer bootIndex) {

    public static final int MAX_BOOT_INDEX = 99;

    public DiskSpec {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        if (bootIndex != null && (bootIndex < 0 || bootIndex > MAX_BOOT_INDEX)) {
            throw new IllegalArgumentException("bootIndex must be 0.." + MAX_BOOT_INDEX + ", was " + bootIndex);
        }
    }

    public static DiskSpec bootDisk(DiskSource source, DiskFormat format) {
        return new DiskSpec(source, format, false, 0);
    }

    public OptionalInt bootOrder() {
        return bootIndex == null ? OptionalInt.empty() : OptionalInt.of(bootIndex);
    }
}
