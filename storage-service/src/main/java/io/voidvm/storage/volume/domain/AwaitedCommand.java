package io.voidvm.storage.volume.domain;

import io.voidvm.contracts.volume.VolumeOperation;
import io.voidvm.servicekit.awaiting.domain.AnswerPolicy;
import io.voidvm.servicekit.awaiting.domain.AwaitedAnswer;
import java.time.Instant;
import java.util.Objects;

/**
 * The node command a volume waits on: which operation, when it was last sent and how many times it was sent.
 * Delivery is at-least-once and the agent dedupes by message id, so a command the agent took on and then lost
 * (a crash mid-work) is answered only if it is sent again under a new id. Its due time is not stored: it is
 * {@code sentAt} plus the policy's {@code answerWithin} ({@link #answer}).
 *
 * @param attempts how many times the command was sent, the first time included (at least 1)
 */
public record AwaitedCommand(VolumeOperation operation, Instant sentAt, int attempts) {

    public AwaitedCommand {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(sentAt, "sentAt");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
    }

    static AwaitedCommand sent(VolumeOperation operation, Instant now) {
        return new AwaitedCommand(operation, now, 1);
    }

    /** The shared view of it (service-kit's {@link AwaitedAnswer}), due {@code answerWithin} after the last send. */
    AwaitedAnswer answer(AnswerPolicy policy) {
        return new AwaitedAnswer(sentAt, policy.dueAfter(sentAt), attempts);
    }

    /** The same command, sent again as {@code next} says. */
    AwaitedCommand resent(AwaitedAnswer next) {
        return new AwaitedCommand(operation, next.sentAt(), next.attempts());
    }

    boolean is(VolumeOperation other) {
        return operation == other;
    }
}
