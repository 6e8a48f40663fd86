package io.voidvm.auth.config;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a reactive job on a fixed delay while the application runs. Starts as the last lifecycle bean, after
 * Flyway has migrated, and a failed run is logged and retried at the next tick instead of ending the schedule.
 * A slow run is never overlapped: ticks that arrive meanwhile are dropped.
 */
public final class PeriodicTask implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration interval;
    private final Supplier<Mono<?>> job;
    private volatile Disposable running;

    public PeriodicTask(String name, Duration interval, Supplier<Mono<?>> job) {
        this.name = Objects.requireNonNull(name, "name");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.job = Objects.requireNonNull(job, "job");
    }

    @Override
    public void start() {
        running = Flux.interval(interval)
                .onBackpressureDrop()
                .concatMap(tick -> Mono.defer(job).onErrorResume(error -> {
                    LOG.warn("{} failed (next try in {}): {}", name, interval, error.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null && !running.isDisposed();
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
