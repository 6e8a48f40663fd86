package io.voidvm.vm.quota.domain;

/**
 * VM resources as auth-service's quotas count them: how many VMs, their vCPUs and their memory. Used both for
 * what a tenant holds and for what a request would add.
 */
public record Resources(long vms, long vcpus, long memoryMb) {

    public static final Resources NONE = new Resources(0, 0, 0);

    public Resources {
        if (vms < 0 || vcpus < 0 || memoryMb < 0) {
            throw new IllegalArgumentException("resources cannot be negative: " + vms + "/" + vcpus + "/" + memoryMb);
        }
    }

    /** One new VM of this size. */
    public static Resources oneVm(long vcpus, long memoryMb) {
        return new Resources(1, vcpus, memoryMb);
    }

    /** What growing a VM from one size to another adds; a shrinking dimension adds nothing. */
    public static Resources growth(long vcpusBefore, long memoryMbBefore, long vcpusAfter, long memoryMbAfter) {
        return new Resources(0, Math.max(0, vcpusAfter - vcpusBefore), Math.max(0, memoryMbAfter - memoryMbBefore));
    }

    public boolean isNone() {
        return vms == 0 && vcpus == 0 && memoryMb == 0;
    }
}
