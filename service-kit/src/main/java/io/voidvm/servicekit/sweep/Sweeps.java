package io.voidvm.servicekit.sweep;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Makes {@link PeriodicSweep}s; a bean in every service (service-kit's auto-configuration). Declare each sweep
 * as a bean, so the context starts and stops it:
 *
 * <pre>{@code
 * @Bean
 * PeriodicSweep operationDeadlineSweep(Sweeps sweeps, DeadlineSweep sweep, DeadlineProperties properties) {
 *     return sweeps.every("operation-deadlines", properties.checkInterval(), sweep::pass);
 * }
 * }</pre>
 */
public final class Sweeps {

    private final MeterRegistry meters;
    private final Clock clock;

    public Sweeps(MeterRegistry meters, Clock clock) {
        this.meters = Objects.requireNonNull(meters, "meters");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A sweep every {@code interval} ±20 % ({@link SweepSchedule#every}). */
    public PeriodicSweep every(String name, Duration interval, Supplier<? extends Mono<?>> pass) {
        return on(name, SweepSchedule.every(interval), pass);
    }

    public PeriodicSweep on(String name, SweepSchedule schedule, Supplier<? extends Mono<?>> pass) {
        return new PeriodicSweep(name, schedule, pass, meters, clock, ThreadLocalRandom.current(),
                Schedulers.boundedElastic());
    }

    /**
     * Handles candidates one after the other, each on its own: one that fails is reported to {@code failed} and
     * skipped, and the pass goes on with the next (it is a candidate again next pass).
     */
    public static <T, R> Flux<R> eachOnItsOwn(Flux<T> candidates, Function<T, Mono<R>> handle,
                                              BiConsumer<T, Throwable> failed) {
        return candidates.concatMap(candidate -> Mono.defer(() -> handle.apply(candidate)).onErrorResume(error -> {
            failed.accept(candidate, error);
            return Mono.empty();
        }));
    }
}
