package io.voidvm.vm.lifecycle.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.contracts.vm.spec.DiskBus;
import io.voidvm.contracts.vm.spec.DiskFormat;
import io.voidvm.contracts.vm.spec.DiskSource;
import io.voidvm.contracts.vm.spec.DiskSpec;
import io.voidvm.contracts.vm.spec.OsType;
import io.voidvm.contracts.vm.spec.VmSpec;
import io.voidvm.vm.lifecycle.domain.BootVolume;
import io.voidvm.vm.lifecycle.domain.DesiredPower;
import io.voidvm.vm.lifecycle.domain.Vm;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TestDiskSpecRendererTest {

    private final UUID net1 = UUID.randomUUID();
    private final UUID net2 = UUID.randomUUID();
    private final Vm vm = new Vm(UUID.randomUUID(), "acme", "web-1", "", 2, 512, 10, null, null,
            List.of(net1, net2), OsType.LINUX, DesiredPower.STOPPED, VmStatus.PENDING, null, "node-1", 2, 0, null, 0, Instant.EPOCH,
            Instant.EPOCH);

    @Test
    void bootsFromTheNodesTestDiskWithOneNicPerNetwork() {
        VmSpec spec = new TestDiskSpecRenderer().render(vm);
        assertThat(spec.name()).isEqualTo("web-1");
        assertThat(spec.cpuCores()).isEqualTo(2);
        assertThat(spec.memoryMb()).isEqualTo(512);
        assertThat(spec.disks()).singleElement().satisfies(disk -> {
            assertThat(disk.source()).isEqualTo(new DiskSource.TestDisk(TestDiskSpecRenderer.TEST_DISK_PATH));
            assertThat(disk.bootOrder()).isEqualTo(1);
        });
        assertThat(spec.nics()).extracting(nic -> nic.networkId()).containsExactly(net1, net2);
    }

    @Test
    void aVmWithABootVolumeBootsFromItAsQcow2OnVirtio() {
        UUID volume = UUID.randomUUID();
        Vm fromImage = new Vm(vm.id(), "acme", "web-1", "", 2, 512, 10, UUID.randomUUID(),
                new BootVolume(volume, "default", "node-1"), List.of(), OsType.LINUX, DesiredPower.STOPPED,
                VmStatus.PENDING, null, "node-1", 2, 0, null, 0, Instant.EPOCH, Instant.EPOCH);

        VmSpec spec = new TestDiskSpecRenderer().render(fromImage);

        assertThat(spec.disks()).containsExactly(new DiskSpec(TestDiskSpecRenderer.BOOT_DISK_ID,
                new DiskSource.Volume(volume, "default"), DiskFormat.QCOW2, DiskBus.VIRTIO, 1, false));
    }

    @Test
    void aVmWithoutImageOrDiskSizeHasNoDisk() {
        Vm diskless = new Vm(vm.id(), "acme", "pxe", "", 1, 128, null, null, null, List.of(), OsType.OTHER,
                DesiredPower.STOPPED, VmStatus.PENDING, null, "node-1", 2, 0, null, 0, Instant.EPOCH, Instant.EPOCH);

        VmSpec spec = new TestDiskSpecRenderer().render(diskless);

        assertThat(spec.disks()).isEmpty();
        assertThat(spec.osType()).isEqualTo(OsType.OTHER);
    }

    @Test
    void macAddressesAreStableUnicastAndDistinct() {
        String mac = TestDiskSpecRenderer.macAddress(vm.id(), net1);
        assertThat(mac).matches("52:54:00(:[0-9a-f]{2}){3}").isEqualTo(TestDiskSpecRenderer.macAddress(vm.id(), net1));
        assertThat(TestDiskSpecRenderer.macAddress(vm.id(), net2)).isNotEqualTo(mac);
        assertThat(new TestDiskSpecRenderer().render(vm)).isEqualTo(new TestDiskSpecRenderer().render(vm));
    }
}
