package io.voidvm.nodeagent.reconcile.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.nodeagent.runtime.domain.LocalVm;
import io.voidvm.testsupport.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StrayWatchTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration GRACE = Duration.ofMinutes(5);

    private final MutableClock clock = new MutableClock(T0);
    private final StrayWatch watch = new StrayWatch(GRACE, clock);
    private final UUID listed = UUID.randomUUID();
    private final UUID stray = UUID.randomUUID();

    @Test
    void aVmNoFetchListsIsDestroyedOnceTheGracePeriodIsOver() {
        List<LocalVm> local = List.of(new LocalVm(listed, 1, true), new LocalVm(stray, 2, true));

        StrayWatch.Decision first = watch.afterFetch(Set.of(listed), 10, local);
        clock.advance(GRACE.minusSeconds(1));
        StrayWatch.Decision almost = watch.afterFetch(Set.of(listed), 20, local);
        clock.advance(Duration.ofSeconds(1));
        StrayWatch.Decision over = watch.afterFetch(Set.of(listed), 30, local);

        assertThat(first.strays()).containsExactly(new StrayWatch.Stray(stray, true, T0, T0.plus(GRACE)));
        assertThat(first.destroy()).isEmpty();
        assertThat(almost.destroy()).isEmpty();
        assertThat(over.destroy()).containsExactly(stray);
        assertThat(over.strays()).extracting(StrayWatch.Stray::since).containsExactly(T0);
    }

    @Test
    void aFetchThatListsTheVmAgainClaimsItAndTheGracePeriodStartsAfresh() {
        List<LocalVm> local = List.of(new LocalVm(stray, 2, false));
        watch.afterFetch(Set.of(), 10, local);
        clock.advance(GRACE.minusSeconds(1));

        StrayWatch.Decision claimed = watch.afterFetch(Set.of(stray), 20, local);
        clock.advance(Duration.ofSeconds(10));
        StrayWatch.Decision unlistedAgain = watch.afterFetch(Set.of(), 30, local);

        assertThat(claimed.claimed()).containsExactly(stray);
        assertThat(claimed.strays()).isEmpty();
        assertThat(unlistedAgain.destroy()).isEmpty();
        assertThat(unlistedAgain.strays()).extracting(StrayWatch.Stray::since)
                .containsExactly(T0.plus(GRACE).plusSeconds(9));
    }

    @Test
    void aVmLearnedOfAfterTheFetchStartedIsNotJudgedByIt() {
        // a DefineVm consumed while the fetch was under way may be for a VM placed after vm-service answered
        StrayWatch.Decision decision = watch.afterFetch(Set.of(), 10, List.of(new LocalVm(stray, 11, true)));

        assertThat(decision.strays()).isEmpty();
        assertThat(decision.destroy()).isEmpty();
    }

    @Test
    void aFailedFetchMakesNoStrayAndDestroysNothing() {
        List<LocalVm> local = List.of(new LocalVm(stray, 2, true), new LocalVm(listed, 3, true));
        watch.afterFetch(Set.of(listed), 10, local);
        clock.advance(GRACE.multipliedBy(3));

        StrayWatch.Decision failed = watch.withoutFetch(local);

        assertThat(failed.destroy()).isEmpty();
        assertThat(failed.strays()).extracting(StrayWatch.Stray::vmId).containsExactly(stray);
        // only a successful fetch decides: the next one, still not listing it, destroys it
        assertThat(watch.afterFetch(Set.of(listed), 20, local).destroy()).containsExactly(stray);
    }

    @Test
    void aStrayThatIsGoneIsForgotten() {
        watch.afterFetch(Set.of(), 10, List.of(new LocalVm(stray, 2, true)));
        watch.afterFetch(Set.of(), 20, List.of());
        clock.advance(GRACE);

        StrayWatch.Decision back = watch.afterFetch(Set.of(), 30, List.of(new LocalVm(stray, 25, true)));

        assertThat(back.destroy()).as("a VM defined again starts a grace period of its own").isEmpty();
        assertThat(back.strays()).extracting(StrayWatch.Stray::since).containsExactly(T0.plus(GRACE));
    }
}
