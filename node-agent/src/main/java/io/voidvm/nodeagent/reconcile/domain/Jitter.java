package io.voidvm.nodeagent.reconcile.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * Spreads periodic passes: agents started together (a rack after a power cut, a DaemonSet rollout) would
 * otherwise ask vm-service for their desired state in the same instant, every period.
 */
public final class Jitter {

    /** The largest spread allowed: a pause never shorter than half the interval. */
    public static final double MAX_FRACTION = 0.5;

    private final Duration interval;
    private final double fraction;

    /**
     * @param fraction each pause lies in {@code interval × [1 − fraction, 1 + fraction]}; 0 keeps it fixed
     */
    public Jitter(Duration interval, double fraction) {
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, got " + interval);
        }
        if (!(fraction >= 0 && fraction <= MAX_FRACTION)) {
            throw new IllegalArgumentException("jitter must be within [0, " + MAX_FRACTION + "], got " + fraction);
        }
        this.fraction = fraction;
    }

    /**
     * The pause before the next pass.
     *
     * @param random uniformly drawn from {@code [0, 1)}
     */
    public Duration pause(double random) {
        if (!(random >= 0 && random < 1)) {
            throw new IllegalArgumentException("random must be within [0, 1), got " + random);
        }
        double factor = 1 - fraction + 2 * fraction * random;
        return Duration.ofNanos(Math.round(interval.toNanos() * factor));
    }
}
