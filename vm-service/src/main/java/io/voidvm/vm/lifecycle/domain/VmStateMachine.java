package io.voidvm.vm.lifecycle.domain;

import static io.voidvm.contracts.vm.event.VmStatus.DELETED;
import static io.voidvm.contracts.vm.event.VmStatus.DELETING;
import static io.voidvm.contracts.vm.event.VmStatus.ERROR;
import static io.voidvm.contracts.vm.event.VmStatus.PAUSED;
import static io.voidvm.contracts.vm.event.VmStatus.PENDING;
import static io.voidvm.contracts.vm.event.VmStatus.RUNNING;
import static io.voidvm.contracts.vm.event.VmStatus.STARTING;
import static io.voidvm.contracts.vm.event.VmStatus.STOPPED;
import static io.voidvm.contracts.vm.event.VmStatus.STOPPING;
import static io.voidvm.contracts.vm.event.VmStatus.UNKNOWN;
import static io.voidvm.vm.lifecycle.domain.CommandKind.DEFINE;
import static io.voidvm.vm.lifecycle.domain.CommandKind.DELETE;
import static io.voidvm.vm.lifecycle.domain.CommandKind.FORCE_STOP;
import static io.voidvm.vm.lifecycle.domain.CommandKind.PAUSE;
import static io.voidvm.vm.lifecycle.domain.CommandKind.REBOOT;
import static io.voidvm.vm.lifecycle.domain.CommandKind.RESET;
import static io.voidvm.vm.lifecycle.domain.CommandKind.RESUME;
import static io.voidvm.vm.lifecycle.domain.CommandKind.START;
import static io.voidvm.vm.lifecycle.domain.CommandKind.STOP;

import io.voidvm.contracts.vm.event.VmStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The lifecycle table: for each observed status and action, whether the action is allowed and what it does.
 * One exhaustive switch per status, so a new status or action does not compile until every cell is decided.
 * docs/vm-state-machine.md shows the same table; a test keeps the two equal.
 *
 * <p>Desired-state actions are idempotent: asking for what the VM already is, or is already converging
 * to, is a {@link Decision#noOp() no-op} that succeeds (start on a running VM).
 */
public final class VmStateMachine {

    /**
     * One cell of the table.
     *
     * @param desiredPower the new desired power state, or {@code null} when the action leaves it alone
     * @param status       the status shown right after the action is accepted
     * @param commands     the node commands that make the node converge
     */
    public record Rule(DesiredPower desiredPower, VmStatus status, List<CommandKind> commands) {

        public Rule {
            Objects.requireNonNull(status, "status");
            commands = List.copyOf(commands);
        }
    }

    private static final Optional<Rule> REJECTED = Optional.empty();

    private VmStateMachine() {
    }

    /** The table cell for {@code (status, action)}; empty when the action is not allowed. */
    public static Optional<Rule> rule(VmStatus status, VmAction action) {
        return switch (status) {
            case PENDING -> pending(action);
            case STOPPED -> stopped(action);
            case STARTING -> starting(action);
            case RUNNING -> running(action);
            case PAUSED -> paused(action);
            case STOPPING -> stopping(action);
            case ERROR -> error(action);
            case DELETING, DELETED -> gone(status, action);
            case UNKNOWN -> unknown(action);
        };
    }

    /**
     * Decides an action for a VM with this observed status and desired power.
     *
     * @throws InvalidTransition when the table has no cell for {@code (status, action)}
     */
    public static Decision decide(VmStatus status, DesiredPower desired, VmAction action) {
        Rule rule = rule(status, action).orElseThrow(() -> new InvalidTransition(status, action));
        if (rule.desiredPower() != null && rule.desiredPower() == desired && alreadyConverging(action, status)) {
            return new Decision(action, desired, status, List.of(), true);
        }
        DesiredPower after = rule.desiredPower() == null ? desired : rule.desiredPower();
        return new Decision(action, after, rule.status(), rule.commands(), false);
    }

    /**
     * Whether CPU and memory may change in this status. QEMU fixes them at launch, so only a VM that is not
     * running anywhere may change them; name and description may change in any status that allows UPDATE.
     */
    public static boolean allowsStoppedOnlyChange(VmStatus status) {
        return switch (status) {
            case PENDING, STOPPED -> true;
            case STARTING, RUNNING, PAUSED, STOPPING, ERROR, DELETING, DELETED, UNKNOWN -> false;
        };
    }

    /**
     * Statuses in which a VM whose desired power already equals the action's target needs nothing more.
     * Without a PAUSING or RESUMING status, RUNNING with desired PAUSED means "pause in flight" (and vice
     * versa). A force-stop while STOPPING is never a no-op: it escalates a graceful stop that hangs.
     */
    static boolean alreadyConverging(VmAction action, VmStatus status) {
        return switch (action) {
            case START -> status == PENDING || status == STARTING || status == RUNNING || status == PAUSED;
            case RESUME -> status == RUNNING || status == PAUSED;
            case STOP -> status == PENDING || status == STOPPING || status == STOPPED;
            case FORCE_STOP -> status == PENDING || status == STOPPED;
            case PAUSE -> status == RUNNING || status == PAUSED;
            case DELETE -> status == DELETING || status == DELETED || status == UNKNOWN;
            case RESET, REBOOT, UPDATE -> false;
        };
    }

    // Not placed yet, or placed and not yet reported by the node. Commands to an unplaced VM are dropped by
    // Vm; placement later sends the definition and the desired power state.
    private static Optional<Rule> pending(VmAction action) {
        return switch (action) {
            case START -> toRunning(PENDING, START);
            case STOP -> toStopped(PENDING, STOP);
            case FORCE_STOP -> toStopped(PENDING, FORCE_STOP);
            case PAUSE, RESUME, RESET, REBOOT -> REJECTED;
            case DELETE -> toDeleted(DELETE);
            case UPDATE -> keep(PENDING, DEFINE);
        };
    }

    private static Optional<Rule> stopped(VmAction action) {
        return switch (action) {
            case START -> toRunning(STARTING, START);
            case STOP -> toStopped(STOPPED, STOP);
            case FORCE_STOP -> toStopped(STOPPED, FORCE_STOP);
            case PAUSE, RESUME, RESET, REBOOT -> REJECTED;
            case DELETE -> toDeleted(DELETE);
            case UPDATE -> keep(STOPPED, DEFINE);
        };
    }

    private static Optional<Rule> starting(VmAction action) {
        return switch (action) {
            case START -> toRunning(STARTING, START);
            case STOP -> toStopped(STOPPING, STOP);
            case FORCE_STOP -> toStopped(STOPPING, FORCE_STOP);
            case PAUSE, RESUME, RESET, REBOOT -> REJECTED;
            case DELETE -> toDeleted(STOP, DELETE);
            case UPDATE -> keep(STARTING, DEFINE);
        };
    }

    private static Optional<Rule> running(VmAction action) {
        return switch (action) {
            case START -> toRunning(RUNNING, START);
            case STOP -> toStopped(STOPPING, STOP);
            case FORCE_STOP -> toStopped(STOPPING, FORCE_STOP);
            case PAUSE -> desire(DesiredPower.PAUSED, RUNNING, PAUSE);
            case RESUME -> toRunning(RUNNING, RESUME);
            case RESET -> keep(RUNNING, RESET);
            case REBOOT -> keep(RUNNING, REBOOT);
            case DELETE -> toDeleted(STOP, DELETE);
            case UPDATE -> keep(RUNNING, DEFINE);
        };
    }

    // Start on a paused VM means "I want it running", which for a paused guest is a resume.
    private static Optional<Rule> paused(VmAction action) {
        return switch (action) {
            case START, RESUME -> toRunning(PAUSED, RESUME);
            case STOP -> toStopped(STOPPING, STOP);
            case FORCE_STOP -> toStopped(STOPPING, FORCE_STOP);
            case PAUSE -> desire(DesiredPower.PAUSED, PAUSED, PAUSE);
            case RESET, REBOOT -> REJECTED;
            case DELETE -> toDeleted(STOP, DELETE);
            case UPDATE -> keep(PAUSED, DEFINE);
        };
    }

    // A start while stopping is refused rather than queued: the stop finishes (or is forced) first.
    private static Optional<Rule> stopping(VmAction action) {
        return switch (action) {
            case START, PAUSE, RESUME, RESET, REBOOT -> REJECTED;
            case STOP -> toStopped(STOPPING, STOP);
            case FORCE_STOP -> toStopped(STOPPING, FORCE_STOP);
            case DELETE -> toDeleted(STOP, DELETE);
            case UPDATE -> keep(STOPPING, DEFINE);
        };
    }

    // The node reported a failure; QEMU may or may not still run, so the way out is start, stop or delete.
    private static Optional<Rule> error(VmAction action) {
        return switch (action) {
            case START -> toRunning(STARTING, START);
            case STOP -> toStopped(STOPPING, STOP);
            case FORCE_STOP -> toStopped(STOPPING, FORCE_STOP);
            case PAUSE, RESUME, RESET, REBOOT -> REJECTED;
            case DELETE -> toDeleted(STOP, DELETE);
            case UPDATE -> keep(ERROR, DEFINE);
        };
    }

    private static Optional<Rule> gone(VmStatus status, VmAction action) {
        return switch (action) {
            case DELETE -> desire(DesiredPower.DELETED, status, DELETE);
            case START, STOP, FORCE_STOP, PAUSE, RESUME, RESET, REBOOT, UPDATE -> REJECTED;
        };
    }

    // The node stopped sending heartbeats (ADR 0012): nothing the node must do now can be promised. A delete is
    // recorded and its commands wait in the node's topic; the status stays UNKNOWN until the node reports. An
    // admin may instead delete the VM by force, which is not a transition of this table.
    private static Optional<Rule> unknown(VmAction action) {
        return switch (action) {
            case DELETE -> desire(DesiredPower.DELETED, UNKNOWN, STOP, DELETE);
            case START, STOP, FORCE_STOP, PAUSE, RESUME, RESET, REBOOT, UPDATE -> REJECTED;
        };
    }

    /**
     * The status a VM observed in {@code observed} shows while its node converges on {@code desired}: the one a
     * request for {@code desired} would set (STARTING for a stopped VM that should run). Used when a node that
     * was lost reports again from behind. Never DELETED: a report that lags does not remove a VM.
     */
    public static VmStatus converging(VmStatus observed, DesiredPower desired) {
        VmAction towards = switch (desired) {
            case RUNNING -> VmAction.START;
            case STOPPED -> VmAction.STOP;
            case PAUSED -> VmAction.PAUSE;
            case DELETED -> VmAction.DELETE;
        };
        VmStatus shown = rule(observed, towards).map(Rule::status).orElse(observed);
        return shown == DELETED ? DELETING : shown;
    }

    private static Optional<Rule> toRunning(VmStatus status, CommandKind command) {
        return desire(DesiredPower.RUNNING, status, command);
    }

    private static Optional<Rule> toStopped(VmStatus status, CommandKind command) {
        return desire(DesiredPower.STOPPED, status, command);
    }

    /** Delete stops a VM that may be running first, so the guest can flush attached volumes. */
    private static Optional<Rule> toDeleted(CommandKind... commands) {
        return desire(DesiredPower.DELETED, DELETING, commands);
    }

    private static Optional<Rule> desire(DesiredPower power, VmStatus status, CommandKind... commands) {
        return Optional.of(new Rule(power, status, List.of(commands)));
    }

    private static Optional<Rule> keep(VmStatus status, CommandKind... commands) {
        return Optional.of(new Rule(null, status, List.of(commands)));
    }
}
