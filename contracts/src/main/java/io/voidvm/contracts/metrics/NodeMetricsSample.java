package io.voidvm.contracts.metrics;

import io.voidvm.contracts.Payload;
import java.time.Instant;
import java.util.Objects;

/**
 * One resource sample of a KVM host (the envelope's {@code nodeName}).
 *
 * @param cpuPercent host CPU busy share since the previous sample, 0-100 across all cores
 * @param load1m     the kernel's 1-minute load average; load5m and load15m likewise
 */
public record NodeMetricsSample(
        double cpuPercent,
        double load1m,
        double load5m,
        double load15m,
        long memoryUsedBytes,
        long memoryTotalBytes,
        long diskUsedBytes,
        long diskTotalBytes,
        Instant sampledAt) implements Payload {

    public NodeMetricsSample {
        if (!(cpuPercent >= 0 && cpuPercent <= 100)) {
            throw new IllegalArgumentException("cpuPercent must be within 0-100, got " + cpuPercent);
        }
        if (!(load1m >= 0 && load5m >= 0 && load15m >= 0)) {
            throw new IllegalArgumentException("load averages must not be negative");
        }
        Samples.requireNonNegative(memoryUsedBytes, "memoryUsedBytes");
        Samples.requireNonNegative(memoryTotalBytes, "memoryTotalBytes");
        Samples.requireNonNegative(diskUsedBytes, "diskUsedBytes");
        Samples.requireNonNegative(diskTotalBytes, "diskTotalBytes");
        Objects.requireNonNull(sampledAt, "sampledAt is required");
    }
}
