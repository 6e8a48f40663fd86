package io.voidvm.contracts.vm.spec;

import io.voidvm.contracts.DnsLabel;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Everything a node agent needs to run a VM. It is the agent's {@code spec.json}, so it must stay
 * self-contained: no references the agent would have to resolve against vm-service tables.
 */
public record VmSpec(
        String name,
        int cpuCores,
        long memoryMb,
        List<DiskSpec> disks,
        List<NicSpec> nics,
        OsType osType,
        RestartPolicy restartPolicy) {

    public VmSpec {
        DnsLabel.require(name, "VM name");
        if (cpuCores < 1) {
            throw new IllegalArgumentException("cpuCores must be at least 1, got " + cpuCores);
        }
        if (memoryMb < 1) {
            throw new IllegalArgumentException("memoryMb must be at least 1, got " + memoryMb);
        }
        disks = List.copyOf(Objects.requireNonNull(disks, "disks is required"));
        nics = List.copyOf(Objects.requireNonNull(nics, "nics is required"));
        Objects.requireNonNull(osType, "osType is required");
        Objects.requireNonNull(restartPolicy, "restartPolicy is required");
        requireUnique(disks, DiskSpec::id, "disk id");
        requireUnique(nics, NicSpec::id, "NIC id");
        requireUnique(disks.stream().filter(d -> d.bootOrder() != null).toList(), DiskSpec::bootOrder,
                "disk bootOrder");
    }

    private static <T> void requireUnique(List<T> items, Function<T, ?> key, String what) {
        var seen = new HashSet<>();
        for (T item : items) {
            if (!seen.add(key.apply(item))) {
                throw new IllegalArgumentException("duplicate " + what + " " + key.apply(item));
            }
        }
    }
}
