package io.voidvm.nodeagent.runtime;

import io.voidvm.nodeagent.qemu.domain.VmPaths;
import java.util.List;
import java.util.Optional;

/** Starts QEMU processes and finds the ones already running; the seam between the runtime and the OS. */
public interface QemuLauncher {

    /**
     * Starts {@code argv} so that it survives the agent, and returns once QEMU wrote its pidfile and opened
     * its QMP socket.
     *
     * @throws QemuLaunchException if QEMU could not be started or exited at once
     */
    QemuProcess launch(VmPaths paths, List<String> argv);

    /** The live QEMU of this VM, if its pidfile names one that was started for this VM. */
    Optional<QemuProcess> find(VmPaths paths);
}
