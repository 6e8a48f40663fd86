package io.voidvm.nodeagent.testing;

import io.voidvm.contracts.vm.spec.DiskBus;
import io.voidvm.contracts.vm.spec.DiskFormat;
import io.voidvm.contracts.vm.spec.DiskSource;
import io.voidvm.contracts.vm.spec.DiskSpec;
import io.voidvm.contracts.vm.spec.OsType;
import io.voidvm.contracts.vm.spec.RestartPolicy;
import io.voidvm.contracts.vm.spec.VmSpec;
import io.voidvm.testsupport.qemu.TestGuests;
import java.nio.file.Path;
import java.util.List;

/** Specs of 32 MiB test guests that boot from a marker disk and print their marker on COM1. */
public final class MarkerVms {

    private MarkerVms() {
    }

    /** Writes {@code <testDiskDir>/<marker>.raw} and returns a spec booting from it. */
    public static VmSpec spec(Path testDiskDir, String marker, RestartPolicy policy) {
        Path disk = TestGuests.markerDisk(testDiskDir, marker);
        return new VmSpec("vm-" + marker.toLowerCase(java.util.Locale.ROOT), 1, 32,
                List.of(new DiskSpec("root", new DiskSource.TestDisk(disk.getFileName().toString()), DiskFormat.RAW,
                        DiskBus.VIRTIO, 1, false)),
                List.of(), OsType.OTHER, policy);
    }
}
