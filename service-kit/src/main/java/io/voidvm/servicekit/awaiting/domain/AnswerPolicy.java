package io.voidvm.servicekit.awaiting.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long a node has to answer a request, and how many sends the request gets before the waiter gives up.
 * One send ({@link #deadline}) is a plain deadline: past it, give up. More sends re-send the request (under a
 * new message id: agents dedupe by id) each time the answer is overdue, until the last one goes unanswered too.
 *
 * @param answerWithin time from a send to the answer's due time
 * @param maxAttempts  sends in all, the first included
 */
public record AnswerPolicy(Duration answerWithin, int maxAttempts) {

    public AnswerPolicy {
        Objects.requireNonNull(answerWithin, "answerWithin");
        if (answerWithin.isNegative() || answerWithin.isZero()) {
            throw new IllegalArgumentException("answerWithin must be positive, was " + answerWithin);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    /** One send, answered within {@code answerWithin} or given up on. */
    public static AnswerPolicy deadline(Duration answerWithin) {
        return new AnswerPolicy(answerWithin, 1);
    }

    /** The answer awaited after the first send at {@code now}. */
    public AwaitedAnswer firstSend(Instant now) {
        return new AwaitedAnswer(now, dueAfter(now), 1);
    }

    /** When the answer to a send at {@code sentAt} is due. */
    public Instant dueAfter(Instant sentAt) {
        return sentAt.plus(answerWithin);
    }

    /**
     * What to do about {@code awaited} at {@code now}: nothing yet, send again, or give up. The decision is
     * the same wherever it is taken, so a caller takes it again under its row lock before acting on it.
     */
    public Overdue check(AwaitedAnswer awaited, Instant now) {
        Objects.requireNonNull(awaited, "awaited");
        Objects.requireNonNull(now, "now");
        if (!awaited.isOverdueAt(now)) {
            return new Overdue.NotYet(awaited.dueAt());
        }
        if (awaited.attempts() < maxAttempts) {
            return new Overdue.SendAgain(new AwaitedAnswer(now, dueAfter(now), awaited.attempts() + 1));
        }
        return new Overdue.GiveUp(awaited);
    }
}
