package io.voidvm.servicekit.sweep;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * One periodic job of a service (a deadline sweep, a re-sender, a purge), the one way every service schedules
 * them: passes never overlap (the next waits for the end of the previous, plus the {@link SweepSchedule}'s
 * jittered interval), a failed or hung pass is logged and counted and the schedule goes on, and the sweep starts
 * after everything else in the context (Flyway has migrated, the web server listens) and stops first.
 *
 * <p>Several replicas run the same sweep; the jitter spreads them and the pass itself must be replica-safe: read
 * the candidates without a lock, then take each one's row with {@code FOR UPDATE SKIP LOCKED} and decide again
 * under the lock, so a row that another replica, a request or a consumer holds is left to the next pass instead
 * of being waited for (a sweep that never waits for a lock cannot deadlock with anything).
 *
 * <p>Meters: {@code voidvm.sweep.pass{sweep, outcome=ok|failed|timed_out}} (a timer) and
 * {@code voidvm.sweep.since.success{sweep}} (seconds since the last pass that ended well, or since start-up: the
 * alert for a sweep that no longer works).
 */
public final class PeriodicSweep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicSweep.class);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final String name;
    private final SweepSchedule schedule;
    private final Supplier<? extends Mono<?>> pass;
    private final MeterRegistry meters;
    private final Clock clock;
    private final RandomGenerator random;
    private final Scheduler scheduler;
    private volatile Instant lastSuccess;
    private volatile Disposable running;

    /**
     * @param name      kebab case; names the sweep in logs and meters ({@code operation-deadlines})
     * @param pass      one pass; subscribed on {@code scheduler}, so it may block if it must
     * @param scheduler where the waits and the passes run
     */
    PeriodicSweep(String name, SweepSchedule schedule, Supplier<? extends Mono<?>> pass, MeterRegistry meters,
                  Clock clock, RandomGenerator random, Scheduler scheduler) {
        if (!NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
            throw new IllegalArgumentException("a sweep's name is kebab case, was " + name);
        }
        this.name = name;
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.pass = Objects.requireNonNull(pass, "pass");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.lastSuccess = clock.instant();
        Gauge.builder("voidvm.sweep.since.success", this, PeriodicSweep::secondsSinceSuccess).tag("sweep", name)
                .baseUnit("seconds").description("Time since the sweep's last pass that ended well").register(meters);
    }

    public String name() {
        return name;
    }

    public SweepSchedule schedule() {
        return schedule;
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        log.debug("sweep {} every {} (±{} %)", name, schedule.interval(), Math.round(schedule.jitter() * 100));
        running = Mono.defer(() -> Mono.delay(schedule.nextDelay(random), scheduler))
                .then(Mono.defer(this::onePass))
                .repeat()
                .subscribe(null, error -> log.error("sweep {} stopped: {}", name, error.toString(), error));
    }

    @Override
    public synchronized void stop() {
        Disposable current = running;
        running = null;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        Disposable current = running;
        return current != null && !current.isDisposed();
    }

    /** Last to start, first to stop: a pass may write outbox rows, and the relay stops after it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    private Mono<Void> onePass() {
        Timer.Sample sample = Timer.start(meters);
        return Mono.defer(pass::get)
                .subscribeOn(scheduler)
                .timeout(schedule.passTimeout(), scheduler)
                .then(Mono.fromRunnable(() -> {
                    lastSuccess = clock.instant();
                    sample.stop(timer("ok"));
                }))
                .onErrorResume(error -> {
                    boolean hung = error instanceof TimeoutException;
                    sample.stop(timer(hung ? "timed_out" : "failed"));
                    if (hung) {
                        log.warn("sweep {}: pass cancelled after {}; the next one runs as planned", name,
                                schedule.passTimeout());
                    } else {
                        log.warn("sweep {}: pass failed (next in about {}): {}", name, schedule.interval(),
                                error.toString(), error);
                    }
                    return Mono.empty();
                })
                .then();
    }

    private Timer timer(String outcome) {
        return Timer.builder("voidvm.sweep.pass").tag("sweep", name).tag("outcome", outcome)
                .description("Passes of a periodic sweep").register(meters);
    }

    private double secondsSinceSuccess() {
        return Duration.between(lastSuccess, clock.instant()).toMillis() / 1000.0;
    }

    @Override
    public String toString() {
        return "PeriodicSweep[" + name + " every " + schedule.interval() + "]";
    }
}
