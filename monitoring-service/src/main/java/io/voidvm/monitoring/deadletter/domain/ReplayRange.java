package io.voidvm.monitoring.deadletter.domain;

import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import java.util.Objects;

/**
 * Offsets {@code fromOffset..toOffset} (both included) of one partition of a dead-letter topic, to replay.
 * {@code force} replays records that were replayed before too.
 */
public record ReplayRange(int partition, long fromOffset, long toOffset, boolean force) {

    /**
     * Checks what a client sent; a missing {@code toOffset} means the one record at {@code fromOffset}.
     *
     * @param maxRecords most records one request may replay
     * @throws InvalidRequestException naming the field that is wrong
     */
    public static ReplayRange of(Integer partition, Long fromOffset, Long toOffset, Boolean force, int maxRecords) {
        if (partition == null || partition < 0) {
            throw new InvalidRequestException("partition", "is required and must be 0 or more");
        }
        if (fromOffset == null || fromOffset < 0) {
            throw new InvalidRequestException("fromOffset", "is required and must be 0 or more");
        }
        long to = Objects.requireNonNullElse(toOffset, fromOffset);
        if (to < fromOffset) {
            throw new InvalidRequestException("toOffset", "must not be below fromOffset");
        }
        if (to - fromOffset >= maxRecords) {
            throw new InvalidRequestException("toOffset", "at most " + maxRecords + " records per replay");
        }
        return new ReplayRange(partition, fromOffset, to, Boolean.TRUE.equals(force));
    }

    /** Checks the range against what the partition holds now. */
    public void requireWithin(PartitionDepth depth) {
        if (fromOffset < depth.startOffset() || fromOffset >= depth.endOffset()) {
            throw new InvalidRequestException("fromOffset", outside(depth));
        }
        if (toOffset >= depth.endOffset()) {
            throw new InvalidRequestException("toOffset", outside(depth));
        }
    }

    private static String outside(PartitionDepth depth) {
        return depth.depth() == 0
                ? "partition " + depth.partition() + " holds no records"
                : "partition " + depth.partition() + " holds offsets " + depth.startOffset() + " to "
                        + (depth.endOffset() - 1);
    }
}
