package io.voidvm.monitoring.deadletter.domain;

/**
 * The records one partition holds now: offsets from {@code startOffset} (the oldest kept) to {@code endOffset}
 * (the next to be written), exclusive.
 */
public record PartitionDepth(int partition, long startOffset, long endOffset) {

    public PartitionDepth {
        if (partition < 0 || startOffset < 0 || endOffset < startOffset) {
            throw new IllegalArgumentException("bad partition range " + partition + ": " + startOffset + ".."
                    + endOffset);
        }
    }

    public long depth() {
        return endOffset - startOffset;
    }

    public boolean holds(long offset) {
        return offset >= startOffset && offset < endOffset;
    }
}
