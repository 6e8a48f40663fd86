package io.voidvm.nodeagent.qemu;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

import io.voidvm.nodeagent.qemu.domain.Accelerator;
import io.voidvm.nodeagent.qemu.domain.AcceleratorMode;

/**
 * Decides the accelerator for this node. KVM counts as usable only if {@code /dev/kvm} can really be opened
 * for reading and writing: the device node may exist in a container that the device cgroup keeps from it,
 * and root passes permission checks that the open then fails.
 */
public final class AcceleratorProbe {

    public static final Path DEV_KVM = Path.of("/dev/kvm");

    private final Path kvmDevice;

    public AcceleratorProbe() {
        this(DEV_KVM);
    }

    /** For tests: probe another path in place of {@code /dev/kvm}. */
    public AcceleratorProbe(Path kvmDevice) {
        this.kvmDevice = Objects.requireNonNull(kvmDevice, "kvmDevice");
    }

    public boolean kvmUsable() {
        if (!Files.isReadable(kvmDevice) || !Files.isWritable(kvmDevice) || Files.isDirectory(kvmDevice)) {
            return false;
        }
        try {
            FileChannel.open(kvmDevice, StandardOpenOption.READ, StandardOpenOption.WRITE).close();
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /**
     * AUTO picks KVM when usable, else TCG. An explicit KVM on a node without it is a configuration error and
     * fails here, at start-up, rather than as a QEMU crash per VM later.
     */
    public Accelerator resolve(AcceleratorMode mode) {
        return switch (mode) {
            case AUTO -> kvmUsable() ? Accelerator.KVM : Accelerator.TCG;
            case KVM -> {
                if (!kvmUsable()) {
                    throw new IllegalStateException("accelerator=KVM but " + kvmDevice
                            + " cannot be opened for reading and writing; use AUTO or TCG on this node");
                }
                yield Accelerator.KVM;
            }
            case TCG -> Accelerator.TCG;
        };
    }
}
