package io.voidvm.vm.lifecycle.domain;

import io.voidvm.contracts.DnsLabel;
import java.util.Objects;
import java.util.UUID;

/**
 * The volume a VM boots from, made by storage-service from the VM's image. A dir pool lives on one node, so
 * the VM must run on {@link #nodeName}.
 *
 * @param volumeId storage-service's volume id
 * @param poolPath the pool's directory relative to the agent's pools root ({@code DiskSource.Volume})
 * @param nodeName the node that holds the pool
 */
public record BootVolume(UUID volumeId, String poolPath, String nodeName) {

    public BootVolume {
        Objects.requireNonNull(volumeId, "volumeId");
        Objects.requireNonNull(poolPath, "poolPath");
        if (poolPath.isBlank()) {
            throw new IllegalArgumentException("poolPath must not be blank");
        }
        DnsLabel.require(nodeName, "nodeName");
    }

    /** The volume's name in storage-service: the VM's name plus a piece of its id, so a reused name never clashes. */
    public static String nameFor(String vmName, UUID vmId) {
        String suffix = "-boot-" + vmId.toString().replace("-", "").substring(24);
        int room = 63 - suffix.length();
        String base = vmName.length() > room ? vmName.substring(0, room) : vmName;
        while (base.endsWith("-")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + suffix;
    }
}
