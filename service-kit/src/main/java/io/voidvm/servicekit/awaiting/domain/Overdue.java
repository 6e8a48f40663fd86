package io.voidvm.servicekit.awaiting.domain;

import java.time.Instant;
import java.util.Objects;

/** What {@link AnswerPolicy#check} decided about an awaited answer. */
public sealed interface Overdue {

    /** The node still has time, until {@code dueAt}. */
    record NotYet(Instant dueAt) implements Overdue {
        public NotYet {
            Objects.requireNonNull(dueAt, "dueAt");
        }
    }

    /** Send the request again; {@code next} is what is awaited after that send (store it with the send). */
    record SendAgain(AwaitedAnswer next) implements Overdue {
        public SendAgain {
            Objects.requireNonNull(next, "next");
        }
    }

    /** Every send went unanswered; {@code last} is the last one. The waiter fails, and says so. */
    record GiveUp(AwaitedAnswer last) implements Overdue {
        public GiveUp {
            Objects.requireNonNull(last, "last");
        }
    }
}
