package io.voidvm.nodeagent.runtime.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * Why a VM's QEMU is gone. Each cause carries the reason text of the status event, whether it counts as a
 * clean stop (for {@code ON_FAILURE}) and whether the agent itself asked for it (then no policy restarts it).
 */
public sealed interface ExitCause {

    String reason();

    boolean clean();

    /** The agent ended QEMU because desired state said so. */
    default boolean requested() {
        return false;
    }

    default VmState resultingState() {
        return clean() ? VmState.STOPPED : VmState.CRASHED;
    }

    /** A stop command or reconcile pass ended QEMU. */
    record StoppedOnRequest(How how, Duration gracePeriod) implements ExitCause {

        /** How QEMU ended: the guest obeyed ACPI, or the agent had to force it. */
        public enum How { GUEST_POWERED_OFF, FORCED, FORCED_AFTER_TIMEOUT, FORCED_WHILE_PAUSED }

        public StoppedOnRequest {
            Objects.requireNonNull(how, "how");
            Objects.requireNonNull(gracePeriod, "gracePeriod");
        }

        @Override
        public String reason() {
            return switch (how) {
                case GUEST_POWERED_OFF -> "guest powered off on request";
                case FORCED -> "forced stop";
                case FORCED_AFTER_TIMEOUT -> "guest did not power off within " + gracePeriod.toMillis()
                        + " ms; forced stop";
                case FORCED_WHILE_PAUSED -> "forced stop: a paused guest cannot power off";
            };
        }

        @Override
        public boolean clean() {
            return true;
        }

        @Override
        public boolean requested() {
            return true;
        }
    }

    /** The guest shut itself down (ACPI, {@code poweroff} inside the guest). */
    record GuestPoweredOff() implements ExitCause {
        @Override
        public String reason() {
            return "guest powered off";
        }

        @Override
        public boolean clean() {
            return true;
        }
    }

    /** Something other than this agent told QEMU to shut down (a signal, another QMP client). */
    record HostShutdown(String qemuReason) implements ExitCause {
        @Override
        public String reason() {
            return "qemu shut down (" + qemuReason + ")";
        }

        @Override
        public boolean clean() {
            return true;
        }
    }

    /** QEMU ended without announcing a shutdown: it crashed, was killed, or exited on an error. */
    record QemuExited(ProcessExit exit) implements ExitCause {
        public QemuExited {
            Objects.requireNonNull(exit, "exit");
        }

        @Override
        public String reason() {
            return "qemu exited unexpectedly: " + exit.describe();
        }

        @Override
        public boolean clean() {
            return exit.success();
        }
    }

    record GuestPanicked() implements ExitCause {
        @Override
        public String reason() {
            return "guest panicked";
        }

        @Override
        public boolean clean() {
            return false;
        }
    }

    /**
     * Found dead when the agent started. QEMU deletes its pidfile when it shuts down properly, so a pidfile
     * left behind means it was killed or crashed.
     */
    record NotRunningAfterRestart(boolean pidFileLeftBehind) implements ExitCause {
        @Override
        public String reason() {
            return "qemu not running after agent restart";
        }

        @Override
        public boolean clean() {
            return !pidFileLeftBehind;
        }
    }

    /**
     * Classifies an exit the agent did not ask for, from what it saw before QEMU went away.
     *
     * @param panicked          a {@code GUEST_PANICKED} event arrived
     * @param shutdownSeen      a {@code SHUTDOWN} event arrived
     * @param guestShutdown     that event said the guest asked for it
     * @param shutdownReason    QEMU's reason from that event (e.g. {@code host-signal})
     */
    static ExitCause unrequested(boolean panicked, boolean shutdownSeen, boolean guestShutdown, String shutdownReason,
            ProcessExit exit) {
        if (panicked) {
            return new GuestPanicked();
        }
        if (shutdownSeen) {
            return guestShutdown ? new GuestPoweredOff() : new HostShutdown(shutdownReason);
        }
        return new QemuExited(exit);
    }
}
