package io.voidvm.vm.node.domain;

/**
 * How much of a node's allocatable vCPUs and memory placement may hand out: allocatable × ratio. vCPUs are
 * shared in time, so every peer overcommits them (OpenStack 16.0, Proxmox and KubeVirt by default more than
 * 1); memory is not shared, so 1.0 is the safe value.
 *
 * @param vCpus  ratio for vCPUs, {@value #MIN}–{@value #MAX_VCPUS}
 * @param memory ratio for memory, {@value #MIN}–{@value #MAX_MEMORY}
 */
public record Overcommit(double vCpus, double memory) {

    public static final double MIN = 0.1;
    public static final double MAX_VCPUS = 64;
    public static final double MAX_MEMORY = 4;

    public Overcommit {
        requireRatio("vCpus", vCpus, MAX_VCPUS);
        requireRatio("memory", memory, MAX_MEMORY);
    }

    /** @throws IllegalArgumentException naming the ratio when it is out of range (or not a number) */
    public static void requireRatio(String name, double ratio, double max) {
        if (!(ratio >= MIN && ratio <= max)) {
            throw new IllegalArgumentException(name + " overcommit must be between " + MIN + " and " + max
                    + ", got " + ratio);
        }
    }

    /** How many vCPUs placement may hand out on a node with {@code allocatable} of them. */
    public long vCpusOf(int allocatable) {
        return (long) Math.floor(allocatable * vCpus);
    }

    /** How many MB placement may hand out on a node with {@code allocatableMb}. */
    public long memoryMbOf(long allocatableMb) {
        return (long) Math.floor(allocatableMb * memory);
    }
}
