package io.voidvm.vm.placement.domain;

/**
 * What a VM needs from a node.
 *
 * @param requiresKvm only nodes with a usable {@code /dev/kvm}; off by default in this project, where TCG
 *                    is a supported setting
 */
public record VmRequirements(int vCpus, long memoryMb, boolean requiresKvm) {

    public VmRequirements {
        if (vCpus < 1 || memoryMb < 1) {
            throw new IllegalArgumentException("a VM needs at least 1 vCPU and 1 MB, got " + vCpus + " vCPUs and "
                    + memoryMb + " MB");
        }
    }

    public static VmRequirements of(int vCpus, long memoryMb) {
        return new VmRequirements(vCpus, memoryMb, false);
    }
}
