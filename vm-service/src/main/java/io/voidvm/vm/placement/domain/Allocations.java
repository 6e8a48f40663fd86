package io.voidvm.vm.placement.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What vm-service has already placed on each node. Every placed VM that is not deleted counts, stopped
 * ones too, so a stopped VM can always start again where it is. Immutable.
 */
public final class Allocations {

    /** The sum over the VMs placed on one node. */
    public record Allocation(int vCpus, long memoryMb, int vmCount) {

        public static final Allocation NONE = new Allocation(0, 0, 0);

        public Allocation {
            if (vCpus < 0 || memoryMb < 0 || vmCount < 0) {
                throw new IllegalArgumentException("allocations are never negative");
            }
        }

        Allocation plus(VmRequirements vm) {
            return new Allocation(vCpus + vm.vCpus(), memoryMb + vm.memoryMb(), vmCount + 1);
        }
    }

    private static final Allocations EMPTY = new Allocations(Map.of());

    private final Map<String, Allocation> byNode;

    private Allocations(Map<String, Allocation> byNode) {
        this.byNode = Map.copyOf(byNode);
    }

    public static Allocations none() {
        return EMPTY;
    }

    public static Allocations of(Map<String, Allocation> byNode) {
        return new Allocations(byNode);
    }

    public Allocation on(String nodeName) {
        return byNode.getOrDefault(nodeName, Allocation.NONE);
    }

    /** These allocations plus one more VM on {@code nodeName}, for placing several VMs in one pass. */
    public Allocations plus(String nodeName, VmRequirements vm) {
        Objects.requireNonNull(nodeName, "nodeName");
        var copy = new HashMap<>(byNode);
        copy.put(nodeName, on(nodeName).plus(vm));
        return new Allocations(copy);
    }

    @Override
    public String toString() {
        return "Allocations" + byNode;
    }
}
