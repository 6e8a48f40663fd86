package io.voidvm.vm.placement.domain;

/**
 * What a VM needs from a node.
 *
 * @param requiresKvm  only nodes with a usable {@code /dev/kvm}; off by default in this project, where TCG
 *                     is a supported setting
 * @param requiredNode the only node the VM may run on (the node of its boot volume's pool), or {@code null}
 *                     for any node
 */
public record VmRequirements(int vCpus, long memoryMb, boolean requiresKvm, String requiredNode) {

    public VmRequirements {
        if (vCpus < 1 || memoryMb < 1) {
            throw new IllegalArgumentException("a VM needs at least 1 vCPU and 1 MB, got " + vCpus + " vCPUs and "
                    + memoryMb + " MB");
        }
    }

    public VmRequirements(int vCpus, long memoryMb, boolean requiresKvm) {
        this(vCpus, memoryMb, requiresKvm, null);
    }

    public static VmRequirements of(int vCpus, long memoryMb) {
        return new VmRequirements(vCpus, memoryMb, false, null);
    }

    /** The same needs, restricted to one node ({@code null}: any node). */
    public VmRequirements onNode(String node) {
        return new VmRequirements(vCpus, memoryMb, requiresKvm, node);
    }
}
