package io.voidvm.contracts.vm.event;

import java.util.Objects;
import java.util.UUID;

/**
 * The agent finished a command. The envelope's {@code correlationId} names the operation to close.
 *
 * @param commandMessageId the {@code messageId} of the command this answers
 * @param errorCode        stable machine code (e.g. {@code QEMU_START_FAILED}); set exactly when FAILED
 * @param errorDetail      human-readable detail for the operation's problem; optional, never secrets
 */
public record CommandResult(UUID commandMessageId, CommandOutcome outcome, String errorCode, String errorDetail)
        implements VmEvent {

    public CommandResult {
        Objects.requireNonNull(commandMessageId, "commandMessageId is required");
        Objects.requireNonNull(outcome, "outcome is required");
        if ((outcome == CommandOutcome.FAILED) != (errorCode != null)) {
            throw new IllegalArgumentException("errorCode must be set exactly when outcome is FAILED");
        }
    }

    public static CommandResult succeeded(UUID commandMessageId) {
        return new CommandResult(commandMessageId, CommandOutcome.SUCCEEDED, null, null);
    }

    public static CommandResult failed(UUID commandMessageId, String errorCode, String errorDetail) {
        return new CommandResult(commandMessageId, CommandOutcome.FAILED, errorCode, errorDetail);
    }
}
