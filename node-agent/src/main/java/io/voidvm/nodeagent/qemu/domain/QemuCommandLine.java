package io.voidvm.nodeagent.qemu.domain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a VM spec and the node's settings into QEMU's argv: a pure function, tested against golden files.
 * The result is an argument list for {@code ProcessBuilder}, never a shell line.
 *
 * <p>Choices that the argv encodes:
 * <ul>
 *   <li>No {@code -daemonize}: the agent detaches QEMU itself (setsid, stdio redirected). That is what lets
 *       the full seccomp sandbox ({@code obsolete, elevateprivileges, spawn, resourcecontrol} all denied) run;
 *       combined with {@code -daemonize} it kills QEMU with SIGSYS.</li>
 *   <li>No {@code -no-shutdown}: a guest poweroff ends the QEMU process, which the agent sees as the
 *       {@code SHUTDOWN} event plus the QMP disconnect plus the process exit, and reports as stopped.
 *       A lingering QEMU with a powered-off guest would only hold memory.</li>
 *   <li>{@code -cpu qemu64}, QEMU's default model, spelled out so that an upgrade cannot change the guest CPU
 *       under a saved snapshot; {@code host} and {@code max} abort under KVM on nested hosts.</li>
 *   <li>Disks as a {@code file} node and a format node with fixed names ({@code disk<N>}): named nodes are
 *       what {@code snapshot-save}/{@code snapshot-load} and {@code block_resize} address.</li>
 *   <li>One {@code virtio-scsi-pci} controller ({@value #SCSI_CONTROLLER}) in every VM. Disks the firmware
 *       boots from are {@code virtio-blk-pci}; every other disk, and every volume hot-plugged later, is a
 *       {@code scsi-hd} on it: SCSI unplug completes inside QEMU, without the guest's cooperation that PCI
 *       unplug needs, and one controller takes many disks without a PCIe port each (ADR 0008).</li>
 *   <li>{@code -S}: QEMU starts with its CPUs stopped, so the agent attaches QMP before the guest runs a single
 *       instruction and starts it with {@code cont}; no event is lost to a connect race.</li>
 * </ul>
 */
public final class QemuCommandLine {

    static final String SANDBOX = "on,obsolete=deny,elevateprivileges=deny,spawn=deny,resourcecontrol=deny";
    static final String CPU_MODEL = "qemu64";
    /** The id of every VM's virtio-scsi controller; its bus, {@link #SCSI_BUS}, takes the non-boot disks. */
    public static final String SCSI_CONTROLLER = "scsi0";
    public static final String SCSI_BUS = SCSI_CONTROLLER + ".0";

    private QemuCommandLine() {
    }

    public static List<String> build(VmSpec spec, NodeConfig node, Accelerator accelerator) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(accelerator, "accelerator");
        if (!spec.nics().isEmpty()) {
            throw new IllegalArgumentException("VM " + spec.vmId() + " has NICs; networking is not supported yet");
        }
        VmPaths paths = new VmPaths(node.stateDir(), spec.vmId());
        List<String> argv = new ArrayList<>();
        argv.add(node.qemuBinary().toString());
        option(argv, "-name", "guest=" + spec.name() + ",debug-threads=on");
        option(argv, "-uuid", spec.vmId().toString());
        option(argv, "-machine", node.machineType().qemuName() + ",accel=" + accelerator.qemuName());
        option(argv, "-cpu", CPU_MODEL);
        option(argv, "-smp", "cpus=" + spec.cpuCores() + ",sockets=1,cores=" + spec.cpuCores() + ",threads=1");
        option(argv, "-m", spec.memoryMb() + "M");
        option(argv, "-rtc", spec.osType() == OsType.WINDOWS ? "base=localtime" : "base=utc");
        argv.add("-nodefaults");
        argv.add("-no-user-config");
        option(argv, "-display", "none");
        option(argv, "-vnc", "unix:" + paths.vncSocket());
        option(argv, "-serial", "file:" + paths.serialLog());
        option(argv, "-qmp", "unix:" + paths.qmpSocket() + ",server=on,wait=off");
        option(argv, "-pidfile", paths.pidFile().toString());
        option(argv, "-msg", "timestamp=on");
        if (node.sandbox()) {
            option(argv, "-sandbox", SANDBOX);
        }
        option(argv, "-device", "virtio-scsi-pci,id=" + SCSI_CONTROLLER);
        for (int index = 0; index < spec.disks().size(); index++) {
            disk(argv, index, spec.disks().get(index));
        }
        argv.add("-S");
        return List.copyOf(argv);
    }

    /** The format node of the disk at {@code index}; its file node is this plus {@code -file}. */
    public static String blockNode(int index) {
        return "disk" + index;
    }

    private static void disk(List<String> argv, int index, DiskSpec disk) {
        String format = blockNode(index);
        String file = format + "-file";
        String readOnly = disk.readOnly() ? "on" : "off";
        option(argv, "-blockdev", "driver=file,filename=" + escape(hostPath(disk.source()))
                + ",node-name=" + file + ",read-only=" + readOnly);
        option(argv, "-blockdev", "driver=" + disk.format().qemuDriver() + ",file=" + file
                + ",node-name=" + format + ",read-only=" + readOnly);
        String device = disk.onScsi()
                ? "scsi-hd,bus=" + SCSI_BUS + ",drive=" + format + ",id=scsi-" + format
                : "virtio-blk-pci,drive=" + format + ",id=virtio-" + format;
        if (disk.serial() != null) {
            device += ",serial=" + disk.serial();
        }
        if (disk.bootIndex() != null) {
            device += ",bootindex=" + disk.bootIndex();
        }
        option(argv, "-device", device);
    }

    private static Path hostPath(DiskSource source) {
        return switch (source) {
            case DiskSource.TestDisk testDisk -> testDisk.path();
        };
    }

    /** QEMU's key=value syntax splits on commas; a literal comma is written twice. */
    static String escape(Path path) {
        return path.toString().replace(",", ",,");
    }

    private static void option(List<String> argv, String name, String value) {
        argv.add(name);
        argv.add(value);
    }
}
