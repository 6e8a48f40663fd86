package io.voidvm.vm.placement.domain;

import io.voidvm.vm.node.domain.Node;
import io.voidvm.vm.node.domain.NodeState;
import io.voidvm.vm.node.domain.Overcommit;
import io.voidvm.vm.placement.domain.PlacementDecision.Placed;
import io.voidvm.vm.placement.domain.PlacementDecision.Unplaceable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * Picks a node for a VM. A node qualifies when it is READY (heard from within the grace period), not cordoned
 * or draining, has QEMU, has KVM if the VM requires it, and has the vCPUs and memory free after what is already
 * placed on it. What a node offers is its allocatable amount times its overcommit ratio (its own, or the
 * defaults), so 2 host cores at the default vCPU ratio of 4.0 take eight 1-vCPU VMs. Among the qualifying
 * nodes VMs spread: the node left least loaded wins (load = the larger of its vCPU and memory shares in use),
 * then the one with fewer VMs, then the first by name, so the choice is deterministic. When nothing qualifies,
 * the reason says which condition failed, for the VM's {@code statusReason}. A VM with a
 * {@linkplain VmRequirements#requiredNode required node} (its boot volume lives there) is placed there or
 * nowhere.
 */
public final class Placement {

    private Placement() {
    }

    /**
     * @param nodes    every node vm-service knows, READY or not
     * @param defaults the overcommit ratios of nodes without their own
     */
    public static PlacementDecision choose(VmRequirements vm, List<Node> nodes, Allocations allocations,
                                           Overcommit defaults) {
        if (nodes.isEmpty()) {
            return new Unplaceable("no node has reported a heartbeat yet");
        }
        List<Node> ready = nodes.stream().filter(node -> node.state() == NodeState.READY).toList();
        if (vm.requiredNode() != null) {
            ready = ready.stream().filter(node -> node.name().equals(vm.requiredNode())).toList();
            if (ready.isEmpty()) {
                return new Unplaceable("node " + vm.requiredNode() + ", which holds the VM's boot volume, is not"
                        + " ready (no recent heartbeat)");
            }
        }
        if (ready.isEmpty()) {
            return new Unplaceable("no node is ready: " + nodes.size() + " known, none sent a recent heartbeat");
        }
        int cordoned = 0;
        int withoutQemu = 0;
        int withoutKvm = 0;
        List<Candidate> candidates = new ArrayList<>();
        for (Node node : ready) {
            if (node.cordoned()) {
                cordoned++;
            } else if (node.qemuVersion() == null) {
                withoutQemu++;
            } else if (vm.requiresKvm() && !node.kvmAvailable()) {
                withoutKvm++;
            } else {
                candidates.add(new Candidate(node, node.overcommit(defaults), allocations.on(node.name())));
            }
        }
        if (candidates.isEmpty()) {
            return new Unplaceable(noSchedulableNode(ready.size(), cordoned, withoutQemu, withoutKvm));
        }
        return candidates.stream()
                .filter(c -> c.freeVCpus() >= vm.vCpus() && c.freeMemoryMb() >= vm.memoryMb())
                .min(Comparator.comparingDouble((Candidate c) -> c.loadWith(vm))
                        .thenComparingInt(c -> c.allocated().vmCount())
                        .thenComparing(c -> c.node().name()))
                .<PlacementDecision>map(c -> new Placed(c.node().name()))
                .orElseGet(() -> new Unplaceable(noRoom(vm, candidates)));
    }

    /** The most memory one VM may ask for: the largest offer of a node that can take VMs; empty for none. */
    public static OptionalLong largestMemoryMb(List<Node> nodes, Overcommit defaults) {
        return nodes.stream().filter(Node::schedulable)
                .mapToLong(node -> node.overcommit(defaults).memoryMbOf(node.allocatable().memoryMb()))
                .max();
    }

    private record Candidate(Node node, Overcommit overcommit, Allocations.Allocation allocated) {

        long offeredVCpus() {
            return overcommit.vCpusOf(node.allocatable().vCpus());
        }

        long offeredMemoryMb() {
            return overcommit.memoryMbOf(node.allocatable().memoryMb());
        }

        long freeVCpus() {
            return Math.max(0, offeredVCpus() - allocated.vCpus());
        }

        long freeMemoryMb() {
            return Math.max(0, offeredMemoryMb() - allocated.memoryMb());
        }

        /** Only called for nodes the VM fits on, so both offered amounts are positive. */
        double loadWith(VmRequirements vm) {
            double cpu = (double) (allocated.vCpus() + vm.vCpus()) / offeredVCpus();
            double memory = (double) (allocated.memoryMb() + vm.memoryMb()) / offeredMemoryMb();
            return Math.max(cpu, memory);
        }
    }

    private static String noSchedulableNode(int total, int cordoned, int withoutQemu, int withoutKvm) {
        String prefix = "no schedulable node: ";
        if (cordoned == total) {
            return prefix + "all cordoned";
        }
        if (withoutQemu == total) {
            return prefix + "none has a usable QEMU";
        }
        if (withoutKvm == total) {
            return prefix + "none has KVM, which this VM requires";
        }
        List<String> parts = new ArrayList<>();
        if (cordoned > 0) {
            parts.add(cordoned + " cordoned");
        }
        if (withoutQemu > 0) {
            parts.add(withoutQemu + " without QEMU");
        }
        if (withoutKvm > 0) {
            parts.add(withoutKvm + " without KVM");
        }
        return prefix + String.join(", ", parts);
    }

    private static String noRoom(VmRequirements vm, List<Candidate> candidates) {
        long mostVCpus = candidates.stream().mapToLong(Candidate::freeVCpus).max().orElse(0);
        long mostMemory = candidates.stream().mapToLong(Candidate::freeMemoryMb).max().orElse(0);
        String vCpus = vm.vCpus() + " free vCPU" + (vm.vCpus() == 1 ? "" : "s");
        if (mostVCpus < vm.vCpus()) {
            return "no node with " + vCpus + " (largest free: " + mostVCpus + ")";
        }
        if (mostMemory < vm.memoryMb()) {
            return "no node with " + vm.memoryMb() + " MB free memory (largest free: " + mostMemory + " MB)";
        }
        long memoryWhereCpusFit = candidates.stream().filter(c -> c.freeVCpus() >= vm.vCpus())
                .mapToLong(Candidate::freeMemoryMb).max().orElse(0);
        return "no node with both " + vCpus + " and " + vm.memoryMb() + " MB free memory (nodes with enough"
                + " vCPUs have at most " + memoryWhereCpusFit + " MB free)";
    }
}
