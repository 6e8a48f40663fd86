package io.voidvm.nodeagent.qemu.domain;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One virtual disk. {@code bootIndex} orders the firmware's boot attempts (lower first); null means the disk
 * is not offered for booting. {@code serial} is what the guest reads as the disk's serial number (null: none);
 * for a volume it is {@link #volumeSerial}, so the guest finds the volume under {@code /dev/disk/by-id}.
 */
public record DiskSpec(DiskSource source, DiskFormat format, boolean readOnly, Integer bootIndex, String serial) {

    public static final int MAX_BOOT_INDEX = 99;
    /** virtio-blk passes at most 20 bytes of serial to the guest (SCSI 36): one length fits both buses. */
    public static final int MAX_SERIAL = 20;

    /** No comma (QEMU's option separator) or anything else a guest might mangle. */
    private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9-]{1," + MAX_SERIAL + "}");

    public DiskSpec {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        if (bootIndex != null && (bootIndex < 0 || bootIndex > MAX_BOOT_INDEX)) {
            throw new IllegalArgumentException("bootIndex must be 0.." + MAX_BOOT_INDEX + ", was " + bootIndex);
        }
        if (serial != null && !SERIAL.matcher(serial).matches()) {
            throw new IllegalArgumentException("serial must be 1-" + MAX_SERIAL + " characters of A-Z a-z 0-9 -: '"
                    + serial + "'");
        }
    }

    public DiskSpec(DiskSource source, DiskFormat format, boolean readOnly, Integer bootIndex) {
        this(source, format, readOnly, bootIndex, null);
    }

    public static DiskSpec bootDisk(DiskSource source, DiskFormat format) {
        return new DiskSpec(source, format, false, 0);
    }

    /** The serial a volume's disk carries, whether plugged at launch or later: its id's first 20 characters. */
    public static String volumeSerial(UUID volumeId) {
        return volumeId.toString().substring(0, MAX_SERIAL);
    }

    public OptionalInt bootOrder() {
        return bootIndex == null ? OptionalInt.empty() : OptionalInt.of(bootIndex);
    }

    /**
     * Whether the disk sits on the VM's SCSI controller, where it can be unplugged while the guest runs. Disks
     * the firmware boots from stay on {@code virtio-blk-pci}: fast, bootable everywhere, and never unplugged.
     */
    public boolean onScsi() {
        return bootIndex == null;
    }
}
