package io.voidvm.servicekit.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The shared scheduler on real time, with short intervals. */
class PeriodicSweepTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private PeriodicSweep sweep;

    @AfterEach
    void stop() {
        if (sweep != null) {
            sweep.stop();
        }
    }

    private PeriodicSweep sweep(SweepSchedule schedule, java.util.function.Supplier<Mono<?>> pass) {
        sweep = new PeriodicSweep("test-sweep", schedule, pass, meters, Clock.systemUTC(), new SplittableRandom(7),
                Schedulers.boundedElastic());
        return sweep;
    }

    private double passes(String outcome) {
        var timer = meters.find("voidvm.sweep.pass").tag("sweep", "test-sweep").tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void passesRepeatWithoutEverOverlapping() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        sweep(SweepSchedule.every(Duration.ofMillis(5)), () -> Mono.fromRunnable(() -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        }).then(Mono.delay(Duration.ofMillis(20))).doFinally(signal -> {
            inFlight.decrementAndGet();
            done.incrementAndGet();
        })).start();

        assertThat(sweep.isRunning()).isTrue();
        await().atMost(WAIT).until(() -> done.get() >= 5);
        assertThat(most.get()).as("a slow pass is never overlapped").isEqualTo(1);
        assertThat(passes("ok")).isGreaterThanOrEqualTo(4);
        assertThat(meters.get("voidvm.sweep.since.success").tag("sweep", "test-sweep").gauge().value())
                .isLessThan(5);
    }

    @Test
    void aFailingOrThrowingOrHangingPassIsCountedAndTheScheduleGoesOn() {
        AtomicInteger calls = new AtomicInteger();
        sweep(new SweepSchedule(Duration.ofMillis(5), 0.2, Duration.ofMillis(100)), () -> switch (calls.incrementAndGet()) {
            case 1 -> Mono.error(new IllegalStateException("database down"));
            case 2 -> throw new IllegalStateException("thrown while building the pass");
            case 3 -> Mono.never();
            default -> Mono.just(1L);
        }).start();

        await().atMost(WAIT).until(() -> passes("ok") >= 2);
        assertThat(passes("failed")).isEqualTo(2);
        assertThat(passes("timed_out")).isEqualTo(1);
    }

    @Test
    void stopEndsTheSchedule() {
        AtomicInteger calls = new AtomicInteger();
        sweep(SweepSchedule.every(Duration.ofMillis(5)), () -> Mono.fromRunnable(calls::incrementAndGet)).start();
        await().atMost(WAIT).until(() -> calls.get() >= 2);

        sweep.stop();
        assertThat(sweep.isRunning()).isFalse();
        int after = calls.get();
        await().during(Duration.ofMillis(100)).atMost(WAIT).until(() -> calls.get() <= after + 1);
    }

    @Test
    void eachCandidateIsHandledOnItsOwn() {
        var failed = new java.util.ArrayList<Integer>();
        var handled = Sweeps.eachOnItsOwn(Flux.just(1, 2, 3), n -> n == 2
                ? Mono.error(new IllegalStateException("row gone")) : Mono.just(n * 10),
                (candidate, error) -> failed.add(candidate)).collectList().block();

        assertThat(handled).containsExactly(10, 30);
        assertThat(failed).containsExactly(2);
    }

    @Test
    void aNameIsKebabCase() {
        assertThatThrownBy(() -> new PeriodicSweep("Keycloak import", SweepSchedule.every(Duration.ofSeconds(1)),
                Mono::empty, meters, Clock.systemUTC(), new SplittableRandom(1), Schedulers.immediate()))
                .hasMessageContaining("kebab");
    }
}
