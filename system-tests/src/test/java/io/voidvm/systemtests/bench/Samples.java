package io.voidvm.systemtests.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Latencies of one benchmark case, with nearest-rank percentiles (no interpolation between samples). */
public record Samples(String name, List<Duration> values) {

    public Samples {
        Objects.requireNonNull(name, "name");
        List<Duration> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        values = List.copyOf(sorted);
    }

    /**
     * The smallest sample with at least {@code percent} % of all samples at or below it.
     *
     * @throws IllegalStateException when there are no samples
     */
    public Duration percentile(double percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be in (0, 100], got " + percent);
        }
        if (values.isEmpty()) {
            throw new IllegalStateException(name + ": no samples");
        }
        int rank = (int) Math.ceil(percent / 100 * values.size());
        return values.get(Math.max(rank, 1) - 1);
    }

    public Duration p50() {
        return percentile(50);
    }

    public Duration p95() {
        return percentile(95);
    }

    public Duration max() {
        return percentile(100);
    }

    public int count() {
        return values.size();
    }
}
