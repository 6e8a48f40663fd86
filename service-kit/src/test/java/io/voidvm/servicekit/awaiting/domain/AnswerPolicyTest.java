package io.voidvm.servicekit.awaiting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The one rule for an answer awaited from a node: not yet, send again, give up; on a fixed clock. */
class AnswerPolicyTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-08T10:00:00Z"), ZoneOffset.UTC);
    private static final Duration WITHIN = Duration.ofSeconds(30);

    private static Instant at(Duration later) {
        return CLOCK.instant().plus(later);
    }

    @Test
    void aDeadlineIsNotYetUntilItsDueTimeAndThenGivesUpOnTheOneSend() {
        AnswerPolicy policy = AnswerPolicy.deadline(WITHIN);
        AwaitedAnswer awaited = policy.firstSend(CLOCK.instant());
        assertThat(awaited).isEqualTo(new AwaitedAnswer(CLOCK.instant(), at(WITHIN), 1));
        assertThat(awaited.allowed()).isEqualTo(WITHIN);

        assertThat(policy.check(awaited, at(WITHIN).minusNanos(1000))).isEqualTo(new Overdue.NotYet(at(WITHIN)));
        assertThat(policy.check(awaited, at(WITHIN))).as("due means: the answer must come before it")
                .isEqualTo(new Overdue.GiveUp(awaited));
        assertThat(policy.check(awaited, at(Duration.ofDays(1)))).isEqualTo(new Overdue.GiveUp(awaited));
    }

    @Test
    void moreSendsAreSentAgainEachDueAfterItsOwnSendAndTheLastOneGivesUp() {
        AnswerPolicy policy = new AnswerPolicy(WITHIN, 3);
        AwaitedAnswer first = policy.firstSend(CLOCK.instant());
        Instant late = at(WITHIN.plusSeconds(7));

        Overdue second = policy.check(first, late);
        assertThat(second).isEqualTo(new Overdue.SendAgain(new AwaitedAnswer(late, late.plus(WITHIN), 2)));
        AwaitedAnswer secondSend = ((Overdue.SendAgain) second).next();
        assertThat(policy.check(secondSend, late.plus(WITHIN).minusMillis(1))).isInstanceOf(Overdue.NotYet.class);

        AwaitedAnswer thirdSend = ((Overdue.SendAgain) policy.check(secondSend, late.plus(WITHIN))).next();
        assertThat(thirdSend.attempts()).isEqualTo(3);
        assertThat(policy.check(thirdSend, thirdSend.dueAt())).isEqualTo(new Overdue.GiveUp(thirdSend));
    }

    @Test
    void aStoredDueTimeIsWhatCountsNotThePolicysWindow() {
        // vm-service stores each operation's deadline: a later change of the settings does not move it
        AwaitedAnswer stored = new AwaitedAnswer(CLOCK.instant(), at(Duration.ofMinutes(10)), 1);
        assertThat(AnswerPolicy.deadline(WITHIN).check(stored, at(WITHIN))).isInstanceOf(Overdue.NotYet.class);
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new AnswerPolicy(Duration.ZERO, 1)).hasMessageContaining("answerWithin");
        assertThatThrownBy(() -> new AnswerPolicy(WITHIN.negated(), 1)).hasMessageContaining("answerWithin");
        assertThatThrownBy(() -> new AnswerPolicy(WITHIN, 0)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new AwaitedAnswer(at(WITHIN), CLOCK.instant(), 1)).hasMessageContaining("before");
        assertThatThrownBy(() -> new AwaitedAnswer(CLOCK.instant(), at(WITHIN), 0)).hasMessageContaining("attempts");
    }
}
