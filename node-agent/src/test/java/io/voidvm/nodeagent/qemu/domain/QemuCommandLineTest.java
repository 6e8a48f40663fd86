package io.voidvm.nodeagent.qemu.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The argv against golden files ({@code src/test/resources/golden/argv-*.txt}, one argument per line).
 * After an intended change: {@code -Dgolden.update=true}, then review {@code git diff}.
 */
class QemuCommandLineTest {

    static final UUID VM_ID = UUID.fromString("0b9d1c4e-7f3a-4c2e-9a51-3d6f8e2b1a07");
    static final NodeConfig NODE = new NodeConfig(Path.of("/var/lib/voidvm"), AcceleratorMode.AUTO,
            Path.of("/usr/bin/qemu-system-x86_64"), true, MachineType.Q35);
    static final DiskSpec RAW_BOOT = DiskSpec.bootDisk(
            new DiskSource.TestDisk(Path.of("/srv/voidvm/test-disks/marker.raw")), DiskFormat.RAW);

    static VmSpec spec(List<DiskSpec> disks) {
        return new VmSpec(VM_ID, "web-1", 2, 512, disks, List.of(), OsType.LINUX);
    }

    @Test
    void tcg() {
        GoldenFiles.assertMatches("argv-tcg", QemuCommandLine.build(spec(List.of(RAW_BOOT)), NODE, Accelerator.TCG));
    }

    @Test
    void aVmWithoutDisksHasNoDriveAndKeepsItsScsiController() {
        GoldenFiles.assertMatches("argv-no-disk", QemuCommandLine.build(spec(List.of()), NODE, Accelerator.TCG));
    }

    @Test
    void kvm() {
        GoldenFiles.assertMatches("argv-kvm", QemuCommandLine.build(spec(List.of(RAW_BOOT)), NODE, Accelerator.KVM));
    }

    @Test
    void twoDisksOneBootableOneReadOnly() {
        DiskSpec qcow2Boot = DiskSpec.bootDisk(
                new DiskSource.TestDisk(Path.of("/srv/voidvm/test-disks/root.qcow2")), DiskFormat.QCOW2);
        DiskSpec data = new DiskSpec(new DiskSource.TestDisk(Path.of("/srv/voidvm/test-disks/seed.raw")),
                DiskFormat.RAW, true, null, "3f2a9c1e-0b7d-4e5f-8");

        GoldenFiles.assertMatches("argv-two-disks",
                QemuCommandLine.build(spec(List.of(qcow2Boot, data)), NODE, Accelerator.KVM));
    }

    @Test
    void qcow2WithACommaInItsPath() {
        DiskSpec qcow2 = DiskSpec.bootDisk(
                new DiskSource.TestDisk(Path.of("/srv/voidvm/odd,name/root.qcow2")), DiskFormat.QCOW2);

        GoldenFiles.assertMatches("argv-qcow2", QemuCommandLine.build(spec(List.of(qcow2)), NODE, Accelerator.TCG));
    }

    @Test
    void pcMachineWindowsGuestWithoutSandbox() {
        NodeConfig node = new NodeConfig(Path.of("/var/lib/voidvm"), AcceleratorMode.TCG,
                Path.of("/opt/qemu/bin/qemu-system-x86_64"), false, MachineType.PC);
        VmSpec windows = new VmSpec(VM_ID, "win.desktop_2", 4, 4096, List.of(), List.of(), OsType.WINDOWS);

        GoldenFiles.assertMatches("argv-pc-windows-no-sandbox", QemuCommandLine.build(windows, node, Accelerator.TCG));
    }

    @Test
    void isAPureFunctionOfItsInputs() {
        VmSpec spec = spec(List.of(RAW_BOOT));

        assertThat(QemuCommandLine.build(spec, NODE, Accelerator.TCG))
                .isEqualTo(QemuCommandLine.build(spec, NODE, Accelerator.TCG))
                .isNotEqualTo(QemuCommandLine.build(spec, NODE, Accelerator.KVM));
    }

    @Test
    void keepsQemuInTheForegroundWithTheFullSandboxAndExitsOnGuestPoweroff() {
        List<String> argv = QemuCommandLine.build(spec(List.of(RAW_BOOT)), NODE, Accelerator.KVM);

        assertThat(argv).doesNotContain("-daemonize", "-no-shutdown")
                .containsSequence("-sandbox", "on,obsolete=deny,elevateprivileges=deny,spawn=deny,resourcecontrol=deny")
                .containsSequence("-qmp", "unix:/var/lib/voidvm/vms/" + VM_ID + "/qmp.sock,server=on,wait=off")
                .contains("-S");
        assertThat(argv.getFirst()).isEqualTo("/usr/bin/qemu-system-x86_64");
    }

    @Test
    void everyVmHasOneScsiControllerForItsNonBootDisksAndNoSpareRootPorts() {
        List<String> argv = QemuCommandLine.build(spec(List.of(RAW_BOOT)), NODE, Accelerator.TCG);

        assertThat(argv).containsOnlyOnce("virtio-scsi-pci,id=scsi0")
                .noneMatch(arg -> arg.contains("pcie-root-port"));
    }

    @Test
    void refusesASerialQemuWouldSplitOrAGuestCouldNotRead() {
        assertThatThrownBy(() -> new DiskSpec(RAW_BOOT.source(), DiskFormat.RAW, false, null, "a,drive=x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("serial");
        assertThatThrownBy(() -> new DiskSpec(RAW_BOOT.source(), DiskFormat.RAW, false, null, "x".repeat(21)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("serial");
    }

    @Test
    void refusesNicsUntilNetworkingExists() {
        VmSpec withNic = new VmSpec(VM_ID, "web-1", 1, 64, List.of(),
                List.of(new NicSpec(UUID.randomUUID(), "52:54:00:12:34:56")), OsType.LINUX);

        assertThatThrownBy(() -> QemuCommandLine.build(withNic, NODE, Accelerator.TCG))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NICs");
    }

    @Test
    void goldenDiffShowsRemovedAndAddedLines() {
        String diff = GoldenFiles.diff(List.of("-m", "512M", "-nodefaults"), List.of("-m", "1024M", "-nodefaults"));

        assertThat(diff).isEqualTo("  -m\n+ 1024M\n- 512M\n  -nodefaults");
    }
}
