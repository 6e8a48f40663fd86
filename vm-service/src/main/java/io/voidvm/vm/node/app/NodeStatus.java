package io.voidvm.vm.node.app;

import io.voidvm.vm.node.domain.Node;
import io.voidvm.vm.node.domain.Overcommit;
import io.voidvm.vm.placement.domain.Allocations.Allocation;
import java.util.Objects;

/**
 * A node as the admin API shows it: the stored node, the ratios in force on it and what vm-service placed there.
 *
 * @param overcommit its own ratios where set, the configured defaults otherwise
 * @param allocated  the VMs placed on it (stopped and deleting ones included: they hold their place)
 */
public record NodeStatus(Node node, Overcommit overcommit, Allocation allocated) {

    public NodeStatus {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(overcommit, "overcommit");
        Objects.requireNonNull(allocated, "allocated");
    }
}
