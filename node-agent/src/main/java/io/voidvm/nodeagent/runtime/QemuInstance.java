package io.voidvm.nodeagent.runtime;

import io.voidvm.nodeagent.qmp.QemuMonitor;
import io.voidvm.nodeagent.qmp.QmpException;
import io.voidvm.nodeagent.qmp.QmpLifecycleEvent;
import io.voidvm.nodeagent.qmp.QmpSession;
import io.voidvm.nodeagent.qmp.QmpState;
import io.voidvm.nodeagent.runtime.domain.ExitCause;
import io.voidvm.nodeagent.runtime.domain.ProcessExit;
import java.time.Duration;
import java.util.Optional;

/**
 * One QEMU process of a VM with its QMP session, and what the agent saw of it. A VM has at most one at a time;
 * events and exits are matched to the instance they came from, so late news about an old QEMU cannot touch a
 * new one. Fields change only on the VM's serial executor, except the two facts a QMP event states about the
 * QEMU's end (a panic, a shutdown and who asked for it): they are noted as the event arrives, before its task
 * runs, so that they explain the exit even when the event's task was coalesced into a status refresh.
 */
final class QemuInstance {

    final QemuProcess process;
    final QmpSession session;
    final QemuMonitor monitor;
    private QmpSession.Registration registration;
    /** The agent is ending this QEMU on purpose; its exit is not news. */
    private boolean stopRequested;
    private volatile boolean panicked;
    private volatile QmpLifecycleEvent.Shutdown shutdown;

    /** What a status refresh found. */
    enum Seen { GONE, PANICKED, RUNNING, PAUSED, UNCLEAR }

    QemuInstance(QemuProcess process, QmpSession session, Duration qmpTimeout) {
        this.process = process;
        this.session = session;
        this.monitor = new QemuMonitor(session, qmpTimeout);
    }

    void listenWith(QmpSession.Registration registration) {
        this.registration = registration;
    }

    void panicked() {
        panicked = true;
    }

    /** Notes what {@code event} says about this QEMU's end; any thread. */
    void noted(QmpLifecycleEvent event) {
        switch (event) {
            case QmpLifecycleEvent.Shutdown announced -> shutdownAnnounced(announced);
            case QmpLifecycleEvent.GuestPanicked ignored -> panicked();
            case QmpLifecycleEvent.Stopped ignored -> { }
            case QmpLifecycleEvent.Resumed ignored -> { }
            case QmpLifecycleEvent.Reset ignored -> { }
        }
    }

    /** Whether this QEMU still lives and what its guest does, read from the process and {@code query-status}. */
    Seen look() {
        if (!process.isAlive() || session.state() == QmpState.CLOSED) {
            return Seen.GONE;
        }
        if (panicked) {
            return Seen.PANICKED;
        }
        try {
            return switch (monitor.queryStatus().state()) {
                case RUNNING -> Seen.RUNNING;
                case GUEST_PANICKED, INTERNAL_ERROR -> Seen.PANICKED;
                case SHUTDOWN, UNKNOWN -> Seen.UNCLEAR;
                default -> Seen.PAUSED;
            };
        } catch (QmpException e) {
            // the session's end arrives as its own notification
            return Seen.UNCLEAR;
        }
    }

    void shutdownAnnounced(QmpLifecycleEvent.Shutdown event) {
        shutdown = event;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    boolean shuttingDown() {
        return shutdown != null || stopRequested;
    }

    /** Why this QEMU went away, given that the agent did not ask. */
    ExitCause unrequestedExitCause(ProcessExit exit) {
        return ExitCause.unrequested(panicked, shutdown != null, shutdown != null && shutdown.guest(),
                shutdown == null ? "" : shutdown.reason(), exit);
    }

    Optional<ProcessExit> awaitExit(Duration timeout) {
        return process.awaitExit(timeout);
    }

    /**
     * Ends this QEMU on the agent's behalf: ACPI power-down and up to {@code stop.timeout()} for the guest to
     * obey, unless forced or paused (a paused guest cannot react), then {@code quit} and SIGKILL.
     */
    ExitCause.StoppedOnRequest.How stop(StopOptions stop, boolean guestRunning, Duration grace) {
        stopRequested = true;
        ExitCause.StoppedOnRequest.How how;
        if (stop.force()) {
            how = ExitCause.StoppedOnRequest.How.FORCED;
        } else if (!guestRunning) {
            how = ExitCause.StoppedOnRequest.How.FORCED_WHILE_PAUSED;
        } else {
            try {
                monitor.systemPowerdown();
            } catch (RuntimeException e) {
                // QEMU going away under the request is fine; the wait below tells
            }
            how = awaitExit(stop.timeout()).isPresent()
                    ? ExitCause.StoppedOnRequest.How.GUEST_POWERED_OFF
                    : ExitCause.StoppedOnRequest.How.FORCED_AFTER_TIMEOUT;
        }
        if (how != ExitCause.StoppedOnRequest.How.GUEST_POWERED_OFF) {
            end(grace);
        }
        return how;
    }

    /** {@code quit}, then SIGKILL if QEMU is still there after {@code grace}. */
    ProcessExit end(Duration grace) {
        try {
            monitor.quit();
        } catch (RuntimeException e) {
            // a hung or vanished QMP is exactly when the signal below is needed
        }
        return process.awaitExit(grace).orElseGet(() -> {
            process.kill();
            return process.awaitExit(grace).orElseThrow(() -> new IllegalStateException(
                    "QEMU pid " + process.pid() + " survived SIGKILL for " + grace.toMillis() + " ms"));
        });
    }

    /** Stops listening and closes the QMP session; QEMU itself is not touched. */
    void detach() {
        if (registration != null) {
            registration.close();
        }
        session.close();
    }
}
