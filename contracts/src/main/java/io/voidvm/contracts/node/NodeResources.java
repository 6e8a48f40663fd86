package io.voidvm.contracts.node;

/** An amount of host resources: total capacity, or what is left for VMs after reservations. */
public record NodeResources(int vCpus, long memoryMb, long diskGb) {

    public NodeResources {
        if (vCpus < 0 || memoryMb < 0 || diskGb < 0) {
            throw new IllegalArgumentException("node resources must not be negative: " + vCpus + " vCPUs, "
                    + memoryMb + " MB, " + diskGb + " GB");
        }
    }
}
