package io.voidvm.nodeagent.runtime.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.contracts.vm.spec.DiskBus;
import io.voidvm.contracts.vm.spec.DiskFormat;
import io.voidvm.contracts.vm.spec.DiskSource;
import io.voidvm.contracts.vm.spec.DiskSpec;
import io.voidvm.contracts.vm.spec.OsType;
import io.voidvm.contracts.vm.spec.RestartPolicy;
import io.voidvm.contracts.vm.spec.VmSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QemuSpecsTest {

    private final UUID vm = UUID.randomUUID();

    @Test
    void mapsTheWireSpecOntoTheArgvBuildersSpec() {
        VmSpec spec = new VmSpec("web-1", 2, 64, List.of(
                new DiskSpec("root", new DiskSource.TestDisk("boot.raw"), DiskFormat.QCOW2, DiskBus.VIRTIO, 1, false),
                new DiskSpec("data", new DiskSource.TestDisk("data.raw"), DiskFormat.RAW, DiskBus.VIRTIO, null, true)),
                List.of(), OsType.WINDOWS, RestartPolicy.NEVER);

        var qemu = QemuSpecs.toQemu(vm, spec, Map.of("root", Path.of("/d/root.qcow2"), "data", Path.of("/d/data.raw")));

        assertThat(qemu.vmId()).isEqualTo(vm);
        assertThat(qemu.memoryMb()).isEqualTo(64);
        assertThat(qemu.osType()).isEqualTo(io.voidvm.nodeagent.qemu.domain.OsType.WINDOWS);
        assertThat(qemu.disks().getFirst().bootIndex()).isZero();
        assertThat(qemu.disks().getFirst().format()).isEqualTo(io.voidvm.nodeagent.qemu.domain.DiskFormat.QCOW2);
        assertThat(qemu.disks().get(1).bootIndex()).isNull();
        assertThat(qemu.disks().get(1).readOnly()).isTrue();
    }

    @Test
    void aVolumesDiskCarriesTheVolumeIdAsSerialAndGoesOnScsiUnlessItBoots() {
        UUID volume = UUID.fromString("3f2a9c1e-0b7d-4e5f-8a6b-1c2d3e4f5a6b");
        VmSpec spec = new VmSpec("web-1", 1, 32, List.of(
                new DiskSpec("root", new DiskSource.TestDisk("boot.raw"), DiskFormat.RAW, DiskBus.VIRTIO, 1, false),
                new DiskSpec("data", new DiskSource.Volume(volume, "default"), DiskFormat.QCOW2, DiskBus.VIRTIO, null,
                        false)),
                List.of(), OsType.LINUX, RestartPolicy.NEVER);

        var qemu = QemuSpecs.toQemu(vm, spec, Map.of("root", Path.of("/d/boot.raw"), "data", Path.of("/p/v.qcow2")));

        assertThat(qemu.disks().getFirst().serial()).isNull();
        assertThat(qemu.disks().getFirst().onScsi()).isFalse();
        assertThat(qemu.disks().get(1).serial()).isEqualTo("3f2a9c1e-0b7d-4e5f-8");
        assertThat(qemu.disks().get(1).onScsi()).isTrue();
    }

    @Test
    void everyDiskNeedsAHostFile() {
        VmSpec spec = new VmSpec("web-1", 1, 32, List.of(
                new DiskSpec("root", new DiskSource.TestDisk("boot.raw"), DiskFormat.RAW, DiskBus.VIRTIO, 1, false)),
                List.of(), OsType.LINUX, RestartPolicy.NEVER);
        assertThatThrownBy(() -> QemuSpecs.toQemu(vm, spec, Map.of())).hasMessageContaining("root");
    }
}
