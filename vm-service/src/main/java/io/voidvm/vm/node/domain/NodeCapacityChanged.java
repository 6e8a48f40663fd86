package io.voidvm.vm.node.domain;

import java.util.Objects;

/**
 * A node may have room for VMs still waiting in PENDING: it sent a newer heartbeat, was uncordoned, or got a
 * larger overcommit. Published as a Spring application event, so the node code needs no dependency on the
 * lifecycle code that places the VMs.
 */
public record NodeCapacityChanged(String nodeName) {

    public NodeCapacityChanged {
        Objects.requireNonNull(nodeName, "nodeName");
    }
}
