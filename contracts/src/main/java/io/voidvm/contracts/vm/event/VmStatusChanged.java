package io.voidvm.contracts.vm.event;

import java.time.Instant;
import java.util.Objects;

/**
 * The VM's observed status changed (or is re-reported after an agent restart).
 *
 * @param status     what the agent observed; never {@link VmStatus#UNKNOWN}, which only vm-service sets (a
 *                   message carrying it is refused when decoded, so it goes to the dead-letter topic)
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
        if (status == VmStatus.UNKNOWN) {
            throw new IllegalArgumentException("status UNKNOWN is set by vm-service only; a node never reports it");
        }
        Objects.requireNonNull(observedAt, "observedAt is required");
        if (generation < 0) {
            throw new IllegalArgumentException("generation must not be negative, got " + generation);
        }
    }
}
