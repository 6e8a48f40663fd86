package io.voidvm.vm.operation.domain;

import io.voidvm.servicekit.awaiting.domain.AnswerPolicy;
import io.voidvm.vm.lifecycle.domain.Vm;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long each kind of operation may wait for its node (ADR 0013): a deadline, by action, set when the operation
 * is accepted and stored with it. vm-service never re-sends a VM command on a deadline (the agent's resync
 * converges on the desired state); past the deadline the operation fails with {@link OperationProblem#TIMED_OUT}.
 *
 * @param define        create (a definition) and update (a new definition, when the node keeps the change)
 * @param start         start of a VM that boots the node's test disk, or an image's volume already on the node
 * @param startFromImage start of a VM that boots from an image's volume: the node's start waits for the volume's
 *                      file while the image is copied (the create's definition does not)
 * @param stop          a graceful stop in all: the guest's power-down time before the node forces it, plus the
 *                      node's own work
 * @param delete        the node stops the VM at once and removes it
 */
public record OperationDeadlines(
        Duration define,
        Duration start,
        Duration startFromImage,
        Duration stop,
        Duration forceStop,
        Duration pause,
        Duration resume,
        Duration reset,
        Duration reboot,
        Duration delete) {

    public OperationDeadlines {
        positive(define, "define");
        positive(start, "start");
        positive(startFromImage, "startFromImage");
        positive(stop, "stop");
        positive(forceStop, "forceStop");
        positive(pause, "pause");
        positive(resume, "resume");
        positive(reset, "reset");
        positive(reboot, "reboot");
        positive(delete, "delete");
    }

    /** How long {@code action} on {@code vm} (the VM right after the request) may wait for its node. */
    public Duration budget(OperationAction action, Vm vm) {
        return switch (action) {
            case CREATE, UPDATE -> define;
            case START -> vm.bootVolume() == null ? start : startFromImage;
            case STOP -> stop;
            case FORCE_STOP -> forceStop;
            case PAUSE -> pause;
            case RESUME -> resume;
            case RESET -> reset;
            case REBOOT -> reboot;
            // a forced delete is finished when opened, so its deadline is never reached
            case DELETE, FORCE_DELETE -> delete;
        };
    }

    /** The deadline of {@code action} on {@code vm} accepted at {@code now}: one send, answered within the budget. */
    public Instant deadline(OperationAction action, Vm vm, Instant now) {
        return AnswerPolicy.deadline(budget(action, vm)).firstSend(now).dueAt();
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
