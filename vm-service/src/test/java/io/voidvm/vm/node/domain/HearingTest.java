package io.voidvm.vm.node.domain;

import static io.voidvm.vm.node.domain.TestNodes.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.vm.node.domain.Hearing.Feed;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Silence is judged only after a whole grace period of hearing, with every heartbeat taken. */
class HearingTest {

    private static final Duration GRACE = Duration.ofSeconds(30);

    @Test
    void afterStartUpNodesAreJudgedOnlyOnceTheBrokerHasAnsweredForAGracePeriod() {
        Hearing hearing = Hearing.DEAF.next(Feed.UP_TO_DATE, T0);

        assertThat(hearing.mayJudge(Feed.UP_TO_DATE, at(29), GRACE)).isFalse();
        assertThat(hearing.next(Feed.UP_TO_DATE, at(30))).isEqualTo(hearing);
        assertThat(hearing.mayJudge(Feed.UP_TO_DATE, at(30), GRACE)).isTrue();
    }

    @Test
    void heartbeatsWaitingUnreadStopTheJudgementButNotTheClock() {
        Hearing hearing = Hearing.DEAF.next(Feed.BEHIND, T0);

        assertThat(hearing.mayJudge(Feed.BEHIND, at(60), GRACE)).isFalse();
        Hearing caughtUp = hearing.next(Feed.UP_TO_DATE, at(61));
        assertThat(caughtUp.since()).isEqualTo(T0);
        assertThat(caughtUp.mayJudge(Feed.UP_TO_DATE, at(61), GRACE)).isTrue();
    }

    @Test
    void aBrokerThatDoesNotAnswerStartsTheGracePeriodAgain() {
        Hearing hearing = Hearing.DEAF.next(Feed.UP_TO_DATE, T0);

        Hearing deaf = hearing.next(Feed.UNREACHABLE, at(100));
        assertThat(deaf).isEqualTo(Hearing.DEAF);
        assertThat(deaf.mayJudge(Feed.UNREACHABLE, at(100), GRACE)).isFalse();
        Hearing again = deaf.next(Feed.UP_TO_DATE, at(110));
        assertThat(again.mayJudge(Feed.UP_TO_DATE, at(139), GRACE)).isFalse();
        assertThat(again.mayJudge(Feed.UP_TO_DATE, at(140), GRACE)).isTrue();
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }
}
