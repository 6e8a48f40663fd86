package io.voidvm.nodeagent.qemu.domain;

import java.nio.file.Path;
import java.util.Objects;

/**
 * This node's settings that shape QEMU's argv. {@code stateDir} may contain no comma, because QEMU's option
 * syntax would split the socket paths there, and must be short enough for Unix socket paths below it.
 */
public record NodeConfig(Path stateDir, AcceleratorMode accelerator, Path qemuBinary, boolean sandbox,
                         MachineType machineType) {

    public NodeConfig {
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(accelerator, "accelerator");
        Objects.requireNonNull(qemuBinary, "qemuBinary");
        Objects.requireNonNull(machineType, "machineType");
        if (!stateDir.isAbsolute()) {
            throw new IllegalArgumentException("stateDir must be an absolute path: " + stateDir);
        }
        stateDir = stateDir.normalize();
        if (stateDir.toString().contains(",")) {
            throw new IllegalArgumentException("stateDir must not contain ',': " + stateDir);
        }
        int socketBytes = VmPaths.longestSocketPathBytes(stateDir);
        if (socketBytes > VmPaths.MAX_SOCKET_PATH_BYTES) {
            throw new IllegalArgumentException("stateDir is too long: VM socket paths below it take " + socketBytes
                    + " bytes, Unix sockets allow " + VmPaths.MAX_SOCKET_PATH_BYTES + ": " + stateDir);
        }
        if (!qemuBinary.isAbsolute()) {
            throw new IllegalArgumentException("qemuBinary must be an absolute path: " + qemuBinary);
        }
    }
}
