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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VmRecordTest {

    private static final UUID VM = UUID.randomUUID();
    private static final DiskSpec BOOT = new DiskSpec("boot", new DiskSource.Volume(UUID.randomUUID(), "default"),
            DiskFormat.QCOW2, DiskBus.VIRTIO, 1, false);
    private static final DiskSpec DATA = new DiskSpec("data", new DiskSource.Volume(UUID.randomUUID(), "default"),
            DiskFormat.QCOW2, DiskBus.VIRTIO, null, false);

    @Test
    void adoptingVmServicesRecordKeepsTheVolumesHotPluggedHere() {
        VmRecord local = record(List.of(BOOT, DATA), DesiredPower.STOPPED, 2).halt();
        VmRecord desired = record(List.of(BOOT), DesiredPower.RUNNING, 3);

        VmRecord adopted = local.adopting(desired);

        assertThat(adopted.spec().disks()).containsExactly(BOOT, DATA);
        assertThat(adopted.desired()).isEqualTo(DesiredPower.RUNNING);
        assertThat(adopted.generation()).isEqualTo(3);
        assertThat(adopted.halted()).isFalse();
    }

    @Test
    void withoutHotPluggedVolumesVmServicesRecordIsTakenAsItIs() {
        VmRecord desired = record(List.of(BOOT), DesiredPower.PAUSED, 7);

        assertThat(record(List.of(BOOT), DesiredPower.RUNNING, 9).adopting(desired)).isEqualTo(desired);
    }

    @Test
    void anotherVmsRecordIsRefused() {
        VmRecord other = new VmRecord(UUID.randomUUID(), "t", spec(List.of(BOOT)), DesiredPower.RUNNING, 1, false);

        assertThatThrownBy(() -> record(List.of(BOOT), DesiredPower.RUNNING, 1).adopting(other))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static VmRecord record(List<DiskSpec> disks, DesiredPower power, long generation) {
        return new VmRecord(VM, "tenant", spec(disks), power, generation, false);
    }

    private static VmSpec spec(List<DiskSpec> disks) {
        return new VmSpec("vm-1", 1, 64, disks, List.of(), OsType.LINUX, RestartPolicy.NEVER);
    }
}
