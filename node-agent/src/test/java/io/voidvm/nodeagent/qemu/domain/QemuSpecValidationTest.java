package io.voidvm.nodeagent.qemu.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every value in a spec or node config ends up in a QEMU argument: bad ones are refused at construction. */
class QemuSpecValidationTest {

    static final UUID VM_ID = UUID.fromString("0b9d1c4e-7f3a-4c2e-9a51-3d6f8e2b1a07");
    static final DiskSpec DISK = DiskSpec.bootDisk(new DiskSource.TestDisk(Path.of("/d/a.raw")), DiskFormat.RAW);

    static VmSpec spec(String name, int cpus, int memoryMb) {
        return new VmSpec(VM_ID, name, cpus, memoryMb, List.of(DISK), List.of(), OsType.LINUX);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 64})
    void cpuCoresFromOneTo64(int cpus) {
        assertThat(spec("vm", cpus, 64).cpuCores()).isEqualTo(cpus);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65, Integer.MAX_VALUE})
    void cpuCoresOutsideTheRangeAreRefused(int cpus) {
        assertThatThrownBy(() -> spec("vm", cpus, 64))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cpuCores");
    }

    @Test
    void memoryAtLeast16Mb() {
        assertThat(spec("vm", 1, 16).memoryMb()).isEqualTo(16);
        assertThatThrownBy(() -> spec("vm", 1, 15))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memoryMb");
        assertThatThrownBy(() -> spec("vm", 1, VmSpec.MAX_MEMORY_MB + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memoryMb");
    }

    @ParameterizedTest
    @ValueSource(strings = {"web-1", "A", "db.primary_2", "x23456789012345678901234567890123456789012345678901234567890123"})
    void acceptableNames(String name) {
        assertThat(spec(name, 1, 64).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-web", ".hidden", "a,debug-threads=off", "with space", "../x", "a/b", "naïve",
            "x234567890123456789012345678901234567890123456789012345678901234", "line\nbreak"})
    void namesThatCouldBendQemuOptionsAreRefused(String name) {
        assertThatThrownBy(() -> spec(name, 1, 64))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    }

    @Test
    void twoDisksCannotShareABootIndex() {
        assertThatThrownBy(() -> new VmSpec(VM_ID, "vm", 1, 64, List.of(DISK, DISK), List.of(), OsType.LINUX))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bootIndex 0");
    }

    @Test
    void tooManyDisksAreRefused() {
        List<DiskSpec> disks = Collections.nCopies(VmSpec.MAX_DISKS + 1,
                new DiskSpec(new DiskSource.TestDisk(Path.of("/d/a.raw")), DiskFormat.RAW, true, null));

        assertThatThrownBy(() -> new VmSpec(VM_ID, "vm", 1, 64, disks, List.of(), OsType.LINUX))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("disks");
    }

    @Test
    void theSpecKeepsItsOwnCopyOfTheLists() {
        List<DiskSpec> disks = new ArrayList<>(List.of(DISK));
        VmSpec spec = new VmSpec(VM_ID, "vm", 1, 64, disks, List.of(), OsType.LINUX);
        disks.clear();

        assertThat(spec.disks()).containsExactly(DISK);
    }

    @Test
    void diskChecks() {
        assertThatThrownBy(() -> new DiskSource.TestDisk(Path.of("relative.raw")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
        assertThatThrownBy(() -> new DiskSpec(DISK.source(), DiskFormat.RAW, false, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bootIndex");
        assertThat(new DiskSource.TestDisk(Path.of("/d/x/../a.raw")).path()).isEqualTo(Path.of("/d/a.raw"));
    }

    @Test
    void macAddressesAreCanonical() {
        assertThat(new NicSpec(VM_ID, "52:54:00:ab:cd:ef").macAddress()).isEqualTo("52:54:00:ab:cd:ef");
        assertThatThrownBy(() -> new NicSpec(VM_ID, "52-54-00-AB-CD-EF")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nodeConfigRefusesStateDirsQemuCannotUse() {
        Path qemu = Path.of("/usr/bin/qemu-system-x86_64");

        assertThatThrownBy(() -> new NodeConfig(Path.of("var/lib"), AcceleratorMode.AUTO, qemu, true, MachineType.Q35))
                .hasMessageContaining("stateDir must be an absolute path");
        assertThatThrownBy(() -> new NodeConfig(Path.of("/srv/a,b"), AcceleratorMode.AUTO, qemu, true, MachineType.Q35))
                .hasMessageContaining("','");
        assertThatThrownBy(() -> new NodeConfig(Path.of("/" + "x".repeat(60)), AcceleratorMode.AUTO, qemu, true,
                MachineType.Q35)).hasMessageContaining("too long");
        assertThatThrownBy(() -> new NodeConfig(Path.of("/srv"), AcceleratorMode.AUTO, Path.of("qemu"), true,
                MachineType.Q35)).hasMessageContaining("qemuBinary");
        assertThat(new NodeConfig(Path.of("/srv/./voidvm"), AcceleratorMode.AUTO, qemu, true, MachineType.Q35)
                .stateDir()).isEqualTo(Path.of("/srv/voidvm"));
    }
}
