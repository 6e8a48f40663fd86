package io.voidvm.servicekit.awaiting.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An answer a service waits on from a node: when the request (a command) last went out, by when the answer is
 * due, and how many times the request was sent. The owner stores it with the thing that waits (an operation, a
 * volume) and lets an {@link AnswerPolicy} decide what to do once it is {@link #isOverdueAt overdue}.
 *
 * @param attempts sends so far, the first included (at least 1)
 */
public record AwaitedAnswer(Instant sentAt, Instant dueAt, int attempts) {

    public AwaitedAnswer {
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(dueAt, "dueAt");
        if (dueAt.isBefore(sentAt)) {
            throw new IllegalArgumentException("dueAt " + dueAt + " is before sentAt " + sentAt);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
    }

    /** Due exactly at {@link #dueAt}: an answer must come before it. */
    public boolean isOverdueAt(Instant now) {
        return !now.isBefore(dueAt);
    }

    /** How long the last send was given: {@code dueAt - sentAt}. */
    public Duration allowed() {
        return Duration.between(sentAt, dueAt);
    }
}
