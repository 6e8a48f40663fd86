package io.voidvm.nodeagent.qemu.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What the agent needs to run one VM. vm-service validates user input first; these checks are the agent's
 * own line of defence, because every value ends up in a QEMU argument.
 */
public record VmSpec(UUID vmId, String name, int cpuCores, int memoryMb, List<DiskSpec> disks,
                     List<NicSpec> nics, OsType osType) {

    public static final int MIN_CPU_CORES = 1;
    public static final int MAX_CPU_CORES = 64;
    public static final int MIN_MEMORY_MB = 16;
    public static final int MAX_MEMORY_MB = 1024 * 1024;
    public static final int MAX_DISKS = 16;

    /** No commas (QEMU's option separator), no spaces, no path characters; at most 63 like a DNS label. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    public VmSpec {
        Objects.requireNonNull(vmId, "vmId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(osType, "osType");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be 1-63 characters of A-Z a-z 0-9 . _ - starting with "
                    + "a letter or digit: '" + name + "'");
        }
        if (cpuCores < MIN_CPU_CORES || cpuCores > MAX_CPU_CORES) {
            throw new IllegalArgumentException("cpuCores must be " + MIN_CPU_CORES + ".." + MAX_CPU_CORES
                    + ", was " + cpuCores);
        }
        if (memoryMb < MIN_MEMORY_MB || memoryMb > MAX_MEMORY_MB) {
            throw new IllegalArgumentException("memoryMb must be " + MIN_MEMORY_MB + ".." + MAX_MEMORY_MB
                    + ", was " + memoryMb);
        }
        disks = List.copyOf(disks);
        nics = List.copyOf(nics);
        if (disks.size() > MAX_DISKS) {
            throw new IllegalArgumentException("at most " + MAX_DISKS + " disks, got " + disks.size());
        }
        Set<Integer> bootIndexes = new HashSet<>();
        for (DiskSpec disk : disks) {
            if (disk.bootIndex() != null && !bootIndexes.add(disk.bootIndex())) {
                throw new IllegalArgumentException("bootIndex " + disk.bootIndex() + " is used by two disks");
            }
        }
    }
}
