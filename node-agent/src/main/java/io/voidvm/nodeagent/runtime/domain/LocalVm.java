package io.voidvm.nodeagent.runtime.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * A VM this node has: a runtime, or only a directory under the state dir.
 *
 * @param learnedAt   when the node learned of it, on the sequence desired-state fetches are marked on; 0 for a
 *                    directory without a runtime, which predates every fetch of this agent
 * @param qemuRunning whether a QEMU process of the VM runs
 */
public record LocalVm(UUID vmId, long learnedAt, boolean qemuRunning) {

    public LocalVm {
        Objects.requireNonNull(vmId, "vmId");
    }
}
