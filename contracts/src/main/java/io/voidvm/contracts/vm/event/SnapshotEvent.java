package io.voidvm.contracts.vm.event;

import io.voidvm.contracts.SnapshotName;
import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot was created, restored or deleted, or that attempt failed. vm-service updates its snapshot
 * list from this; the operation itself is closed by the matching {@link CommandResult}.
 *
 * @param includesMemory whether the snapshot holds RAM state (meaningful for CREATE)
 * @param errorCode      set exactly when the outcome is FAILED
 */
public record SnapshotEvent(
        String name,
        SnapshotOperation operation,
        CommandOutcome outcome,
        boolean includesMemory,
        String errorCode,
        String errorDetail,
        Instant observedAt) implements VmEvent {

    public SnapshotEvent {
        SnapshotName.require(name);
        Objects.requireNonNull(operation, "operation is required");
        Objects.requireNonNull(outcome, "outcome is required");
        Objects.requireNonNull(observedAt, "observedAt is required");
        if ((outcome == CommandOutcome.FAILED) != (errorCode != null)) {
            throw new IllegalArgumentException("errorCode must be set exactly when outcome is FAILED");
        }
    }
}
