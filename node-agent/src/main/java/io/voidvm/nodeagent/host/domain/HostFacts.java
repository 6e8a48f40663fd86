package io.voidvm.nodeagent.host.domain;

import java.util.Optional;

/**
 * One reading of the host.
 *
 * @param cpus        logical CPUs the host has online
 * @param memoryMb    total physical memory
 * @param diskGb      size of the file system holding the state directory
 * @param kvmUsable   {@code /dev/kvm} exists and this user may read and write it
 * @param qemuVersion e.g. {@code 7.2.22}; empty when no working QEMU binary was found
 */
public record HostFacts(int cpus, long memoryMb, long diskGb, boolean kvmUsable, Optional<String> qemuVersion) {

    public HostFacts {
        if (cpus < 1 || memoryMb < 0 || diskGb < 0) {
            throw new IllegalArgumentException("implausible host facts: " + cpus + " CPUs, " + memoryMb + " MB, "
                    + diskGb + " GB");
        }
        qemuVersion = qemuVersion == null ? Optional.empty() : qemuVersion;
    }
}
