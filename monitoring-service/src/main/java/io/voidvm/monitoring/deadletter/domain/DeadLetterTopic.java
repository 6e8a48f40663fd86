package io.voidvm.monitoring.deadletter.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A dead-letter topic and how many records each of its partitions holds. */
public record DeadLetterTopic(String name, List<PartitionDepth> partitions) {

    public DeadLetterTopic {
        partitions = partitions.stream().sorted(Comparator.comparingInt(PartitionDepth::partition)).toList();
    }

    public String originalTopic() {
        return DeadLetterTopics.originalOf(name);
    }

    /** Records on the topic now: end minus start offset, summed over the partitions. */
    public long depth() {
        return partitions.stream().mapToLong(PartitionDepth::depth).sum();
    }

    public Optional<PartitionDepth> partition(int partition) {
        return partitions.stream().filter(depth -> depth.partition() == partition).findFirst();
    }
}
