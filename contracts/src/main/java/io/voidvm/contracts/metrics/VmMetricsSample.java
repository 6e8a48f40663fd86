package io.voidvm.contracts.metrics;

import io.voidvm.contracts.Payload;
import java.time.Instant;
import java.util.Objects;

/**
 * One resource sample of a running VM (the envelope's {@code vmId}).
 *
 * @param cpuPercent share of the VM's vCPUs used since the previous sample, 0-100 per VM (not per core)
 * @param diskReadBytes cumulative across all disks since QEMU started; likewise the other counters
 */
public record VmMetricsSample(
        double cpuPercent,
        long memoryUsedBytes,
        long memoryAvailableBytes,
        long diskReadBytes,
        long diskWriteBytes,
        long netRxBytes,
        long netTxBytes,
        Instant sampledAt) implements Payload {

    public VmMetricsSample {
        if (!(cpuPercent >= 0 && cpuPercent <= 100)) {
            throw new IllegalArgumentException("cpuPercent must be within 0-100, got " + cpuPercent);
        }
        Samples.requireNonNegative(memoryUsedBytes, "memoryUsedBytes");
        Samples.requireNonNegative(memoryAvailableBytes, "memoryAvailableBytes");
        Samples.requireNonNegative(diskReadBytes, "diskReadBytes");
        Samples.requireNonNegative(diskWriteBytes, "diskWriteBytes");
        Samples.requireNonNegative(netRxBytes, "netRxBytes");
        Samples.requireNonNegative(netTxBytes, "netTxBytes");
        Objects.requireNonNull(sampledAt, "sampledAt is required");
    }
}
