package io.voidvm.nodeagent.runtime.domain;

import io.voidvm.contracts.vm.spec.DiskSpec;
import io.voidvm.contracts.vm.spec.VmSpec;
import io.voidvm.nodeagent.qemu.domain.DiskFormat;
import io.voidvm.nodeagent.qemu.domain.DiskSource;
import io.voidvm.nodeagent.qemu.domain.NicSpec;
import io.voidvm.nodeagent.qemu.domain.OsType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns the wire spec (what vm-service sends) into the argv builder's spec. Disk sources are already resolved
 * to host files by the caller, so this stays a pure function.
 */
public final class QemuSpecs {

    private QemuSpecs() {
    }

    /**
     * @param diskFiles host file of every disk, by disk id
     * @throws IllegalArgumentException if the spec cannot run here (a value out of the argv builder's range)
     */
    public static io.voidvm.nodeagent.qemu.domain.VmSpec toQemu(UUID vmId, VmSpec spec, Map<String, Path> diskFiles) {
        List<io.voidvm.nodeagent.qemu.domain.DiskSpec> disks = spec.disks().stream()
                .map(disk -> disk(disk, diskFiles))
                .toList();
        List<NicSpec> nics = spec.nics().stream()
                .map(nic -> new NicSpec(nic.networkId(), nic.macAddress()))
                .toList();
        if (spec.memoryMb() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("memoryMb " + spec.memoryMb() + " is out of range");
        }
        return new io.voidvm.nodeagent.qemu.domain.VmSpec(vmId, spec.name(), spec.cpuCores(), (int) spec.memoryMb(),
                disks, nics, osType(spec.osType()));
    }

    private static io.voidvm.nodeagent.qemu.domain.DiskSpec disk(DiskSpec disk, Map<String, Path> diskFiles) {
        Path file = diskFiles.get(disk.id());
        if (file == null) {
            throw new IllegalArgumentException("no host file for disk " + disk.id());
        }
        // the wire counts boot order from 1, QEMU's bootindex from 0
        Integer bootIndex = disk.bootOrder() == null ? null : disk.bootOrder() - 1;
        String serial = disk.source() instanceof io.voidvm.contracts.vm.spec.DiskSource.Volume volume
                ? io.voidvm.nodeagent.qemu.domain.DiskSpec.volumeSerial(volume.volumeId())
                : null;
        return new io.voidvm.nodeagent.qemu.domain.DiskSpec(new DiskSource.TestDisk(file), format(disk.format()),
                disk.readOnly(), bootIndex, serial);
    }

    private static DiskFormat format(io.voidvm.contracts.vm.spec.DiskFormat format) {
        return switch (format) {
            case RAW -> DiskFormat.RAW;
            case QCOW2 -> DiskFormat.QCOW2;
        };
    }

    private static OsType osType(io.voidvm.contracts.vm.spec.OsType osType) {
        return switch (osType) {
            case LINUX -> OsType.LINUX;
            case WINDOWS -> OsType.WINDOWS;
            case OTHER -> OsType.OTHER;
        };
    }
}
