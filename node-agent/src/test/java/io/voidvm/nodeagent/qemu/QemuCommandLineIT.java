package io.voidvm.nodeagent.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.voidvm.nodeagent.qemu.domain.Accelerator;
import io.voidvm.nodeagent.qemu.domain.AcceleratorMode;
import io.voidvm.nodeagent.qemu.domain.DiskFormat;
import io.voidvm.nodeagent.qemu.domain.DiskSource;
import io.voidvm.nodeagent.qemu.domain.DiskSpec;
import io.voidvm.nodeagent.qemu.domain.MachineType;
import io.voidvm.nodeagent.qemu.domain.NodeConfig;
import io.voidvm.nodeagent.qemu.domain.OsType;
import io.voidvm.nodeagent.qemu.domain.QemuCommandLine;
import io.voidvm.nodeagent.qemu.domain.VmPaths;
import io.voidvm.nodeagent.qemu.domain.VmSpec;
import io.voidvm.nodeagent.qmp.BlockDevice;
import io.voidvm.nodeagent.qmp.QemuMonitor;
import io.voidvm.nodeagent.qmp.QmpClient;
import io.voidvm.nodeagent.qmp.RunState;
import io.voidvm.testsupport.qemu.QemuBinary;
import io.voidvm.testsupport.qemu.RequiresQemu;
import io.voidvm.testsupport.qemu.TestGuests;

/**
 * The golden argv is not only stable but right: real QEMU accepts it (full sandbox, blockdev layout, sockets
 * and logs where {@link VmPaths} says), waits paused for QMP, and boots the marker guest on {@code cont}.
 */
@RequiresQemu
class QemuCommandLineIT {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    Process qemu;
    QmpClient client;

    @AfterEach
    void stopQemu() throws InterruptedException {
        if (client != null) {
            client.close();
        }
        if (qemu != null && qemu.isAlive()) {
            qemu.destroyForcibly().waitFor();
        }
    }

    @ParameterizedTest
    @EnumSource(Accelerator.class)
    void qemuRunsTheBuiltArgvAndBootsTheTestDisk(Accelerator accelerator, QemuBinary binary) throws Exception {
        Assumptions.assumeTrue(accelerator == Accelerator.TCG || new AcceleratorProbe().kvmUsable(),
                "KVM is not usable on this host");
        Path stateDir = Files.createDirectory(dir.resolve("state"));
        NodeConfig node = new NodeConfig(stateDir, AcceleratorMode.AUTO, binary.system(), true, MachineType.Q35);
        String marker = "argv-" + accelerator.qemuName();
        Path bootDisk = TestGuests.markerDiskQcow2(dir.resolve("images"), marker);
        Path seedDisk = TestGuests.markerDisk(dir.resolve("seed"), "seed");
        VmSpec spec = new VmSpec(UUID.randomUUID(), "it-" + accelerator.qemuName(), 1, 32, List.of(
                DiskSpec.bootDisk(new DiskSource.TestDisk(bootDisk), DiskFormat.QCOW2),
                new DiskSpec(new DiskSource.TestDisk(seedDisk), DiskFormat.RAW, true, null)), List.of(), OsType.LINUX);
        VmPaths paths = new VmPaths(stateDir, spec.vmId());
        Files.createDirectories(paths.vmDir());

        start(QemuCommandLine.build(spec, node, accelerator), paths);

        QemuMonitor monitor = new QemuMonitor(client, TIMEOUT);
        assertThat(monitor.queryStatus().state()).as("-S keeps the guest stopped until cont")
                .isEqualTo(RunState.PRELAUNCH);
        assertThat(Files.readString(paths.pidFile()).trim()).isEqualTo(Long.toString(qemu.pid()));
        assertThat(paths.vncSocket()).exists();
        assertThat(monitor.queryBlock()).extracting(BlockDevice::medium)
                .extracting(medium -> medium.orElseThrow().nodeName() + ":" + medium.orElseThrow().driver()
                        + ":" + medium.orElseThrow().readOnly())
                .containsExactlyInAnyOrder("disk0:qcow2:false", "disk1:raw:true");
        assertThat(monitor.queryBlock()).extracting(BlockDevice::qdev).as("the non-boot disk is a SCSI disk")
                .contains("scsi-disk1");

        monitor.cont();

        await().atMost(WAIT).until(() -> Files.exists(paths.serialLog())
                && Files.readString(paths.serialLog()).contains(TestGuests.readyLine(marker)));
        assertThat(monitor.queryStatus().state()).isEqualTo(RunState.RUNNING);
        monitor.quit();
        await().atMost(WAIT).until(() -> !qemu.isAlive());
        assertThat(qemu.exitValue()).as("QEMU output: %s", output(paths)).isZero();
    }

    /**
     * A VM without disks (ISO or network boot to come) runs: the firmware looks for something to boot, finds nothing
     * and says so on its debug console (appended here only to read SeaBIOS), while the guest stays RUNNING.
     */
    @org.junit.jupiter.api.Test
    void aVmWithoutDisksRunsAndItsFirmwareFindsNothingToBoot(QemuBinary binary) throws Exception {
        Path stateDir = Files.createDirectory(dir.resolve("state"));
        NodeConfig node = new NodeConfig(stateDir, AcceleratorMode.TCG, binary.system(), true, MachineType.Q35);
        VmSpec spec = new VmSpec(UUID.randomUUID(), "no-disk", 1, 32, List.of(), List.of(), OsType.OTHER);
        VmPaths paths = new VmPaths(stateDir, spec.vmId());
        Files.createDirectories(paths.vmDir());
        Path firmwareLog = paths.vmDir().resolve("firmware.log");
        List<String> argv = new java.util.ArrayList<>(QemuCommandLine.build(spec, node, Accelerator.TCG));
        argv.addAll(List.of("-debugcon", "file:" + firmwareLog, "-global", "isa-debugcon.iobase=0x402"));

        start(argv, paths);
        QemuMonitor monitor = new QemuMonitor(client, TIMEOUT);
        assertThat(monitor.queryBlock()).as("no drive").isEmpty();

        monitor.cont();

        await().atMost(WAIT).until(() -> Files.exists(firmwareLog)
                && Files.readString(firmwareLog, java.nio.charset.StandardCharsets.ISO_8859_1)
                        .contains("No bootable device"));
        assertThat(monitor.queryStatus().state()).isEqualTo(RunState.RUNNING);
        assertThat(qemu.isAlive()).isTrue();
        monitor.quit();
        await().atMost(WAIT).until(() -> !qemu.isAlive());
    }

    /** Starts QEMU with {@code argv}, waits for its QMP socket and connects {@link #client}. */
    private void start(List<String> argv, VmPaths paths) throws IOException {
        qemu = new ProcessBuilder(argv)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(paths.vmDir().resolve("qemu.out").toFile())
                .start();
        await().atMost(WAIT).until(() -> Files.exists(paths.qmpSocket()) || !qemu.isAlive());
        assertThat(qemu.isAlive()).as("QEMU runs; its output: %s", output(paths)).isTrue();
        client = QmpClient.connect(paths.qmpSocket(), TIMEOUT);
    }

    private static String output(VmPaths paths) throws IOException {
        Path out = paths.vmDir().resolve("qemu.out");
        return Files.exists(out) ? Files.readString(out) : "";
    }
}
