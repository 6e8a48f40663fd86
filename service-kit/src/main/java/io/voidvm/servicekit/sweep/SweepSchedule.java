package io.voidvm.servicekit.sweep;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When a {@link PeriodicSweep} runs: {@code interval} after the end of the previous pass, give or take
 * {@code jitter} (a fraction), so replicas started together drift apart instead of sweeping in lock step; a pass
 * that takes longer than {@code passTimeout} is cancelled (its open transaction rolls back) and the next one
 * starts on time.
 */
public record SweepSchedule(Duration interval, double jitter, Duration passTimeout) {

    /** ±20 %: enough to spread replicas, small enough that the interval still means what it says. */
    public static final double DEFAULT_JITTER = 0.2;
    /** Only a pass that hangs (a lost connection, a stuck call) ever takes this long. */
    public static final Duration DEFAULT_PASS_TIMEOUT = Duration.ofMinutes(10);

    public SweepSchedule {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(passTimeout, "passTimeout");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must be in [0, 1), was " + jitter);
        }
        if (passTimeout.isNegative() || passTimeout.isZero()) {
            throw new IllegalArgumentException("passTimeout must be positive, was " + passTimeout);
        }
    }

    /** Every {@code interval} ±20 %, a pass cancelled after 10 minutes. */
    public static SweepSchedule every(Duration interval) {
        return new SweepSchedule(interval, DEFAULT_JITTER, DEFAULT_PASS_TIMEOUT);
    }

    /** The wait before the next pass: {@code interval × (1 ± jitter)}, drawn from {@code random}. */
    public Duration nextDelay(RandomGenerator random) {
        double factor = 1 + jitter * (2 * random.nextDouble() - 1);
        long nanos = Math.max(1_000_000L, (long) (interval.toNanos() * factor));
        return Duration.ofNanos(nanos);
    }
}
