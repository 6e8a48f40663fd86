package io.voidvm.vm.node.domain;

/** Whether a node is heard from: placement uses READY nodes only, and VMs on a NOT_READY node show UNKNOWN. */
public enum NodeState {
    /** Its latest heartbeat is within the grace period ({@code voidvm.vm.node-lost-after}). */
    READY,
    /** No heartbeat for longer than the grace period; a newer heartbeat makes it READY again. */
    NOT_READY
}
