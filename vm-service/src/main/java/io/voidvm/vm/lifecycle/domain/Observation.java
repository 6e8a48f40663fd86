package io.voidvm.vm.lifecycle.domain;

import java.util.Objects;

/**
 * What a reported status did to a VM.
 *
 * @param vm      the VM afterwards (the same instance when nothing changed)
 * @param changed whether anything must be stored
 */
public record Observation(Vm vm, Outcome outcome, boolean changed) {

    /** Why a report was taken or left; worth a log line each. */
    public enum Outcome {
        /** The node has applied the latest desired generation; its status is now the VM's status. */
        APPLIED,
        /**
         * The node has not applied the latest desired generation yet: its progress is recorded, but the
         * status stays the transitional one vm-service set, which is closer to the truth soon to come.
         */
        LAGGING,
        /** The same report again (a redelivery or a periodic re-report). */
        DUPLICATE,
        /** Older than what was already applied (an earlier generation, or earlier within one). */
        STALE,
        /** The VM is on no node, so no node can report on it. */
        NOT_PLACED,
        /**
         * At a generation higher than any vm-service has issued for the VM (a forged or misrouted report, or a
         * node that took a forged command): refused, logged and counted.
         */
        NEVER_ISSUED
    }

    public Observation {
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(outcome, "outcome");
    }
}
