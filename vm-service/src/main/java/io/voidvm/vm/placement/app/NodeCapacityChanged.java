package io.voidvm.vm.placement.app;

import java.util.Objects;

/**
 * A node reported a newer heartbeat: it may have room for VMs still waiting in PENDING. Published as a Spring
 * application event so that placement needs no dependency on the lifecycle code that acts on it.
 */
public record NodeCapacityChanged(String nodeName) {

    public NodeCapacityChanged {
        Objects.requireNonNull(nodeName, "nodeName");
    }
}
