package io.voidvm.storage.volume.domain;

import io.voidvm.servicekit.problem.domain.ConflictException;
import java.util.Objects;
import java.util.UUID;

/**
 * A VM as vm-service shows it to the caller: enough to decide where an attach command goes.
 *
 * @param nodeName the node the VM is placed on; {@code null} while unplaced
 */
public record VmFacts(UUID id, String tenantId, String nodeName, String status) {

    public VmFacts {
        Objects.requireNonNull(id, "id");
    }

    /** @throws ConflictException unless the VM is placed on the node that holds the volume's pool */
    public void requireOnNode(String poolNode) {
        if (!poolNode.equals(nodeName)) {
            throw new ConflictException("VM " + id + " runs on node " + (nodeName == null ? "(none yet)" : nodeName)
                    + " but the volume's pool is on node " + poolNode + "; a volume attaches on its own node");
        }
    }
}
