package io.voidvm.contracts.vm.event;

import java.time.Instant;
import java.util.Objects;

/**
 * The VM's observed status changed (or is re-reported after an agent restart).
 *
 * @param reason     human-readable cause, e.g. "guest panicked"; {@code null} for ordinary transitions
 * @param generation the desired-state generation the agent had applied when it observed this; 0 when
 *                   the agent has no spec for the VM. vm-service uses it to ignore reports older than
 *                   its latest command.
 * @param observedAt when the agent saw the change (may be earlier than the envelope's occurredAt)
 */
public record VmStatusChanged(VmStatus status, String reason, long generation, Instant observedAt)
        implements VmEvent {

    public VmStatusChanged {
        Objects.requireNonNull(status, "status is required");
        Objects.requireNonNull(observedAt, "observedAt is required");
        if (generation < 0) {
            throw new IllegalArgumentException("generation must not be negative, got " + generation);
        }
    }
}
