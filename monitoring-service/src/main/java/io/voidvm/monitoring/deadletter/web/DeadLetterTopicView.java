package io.voidvm.monitoring.deadletter.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.voidvm.monitoring.deadletter.domain.DeadLetterTopic;
import io.voidvm.monitoring.deadletter.domain.PartitionDepth;
import java.util.List;

/** A dead-letter topic and the records it holds. */
record DeadLetterTopicView(
        @Schema(example = "voidvm.vm.events.dlt") String topic,
        @Schema(example = "voidvm.vm.events") String originalTopic,
        @Schema(description = "Records on the topic now: end minus start offsets") long depth,
        List<PartitionView> partitions) {

    static DeadLetterTopicView of(DeadLetterTopic topic) {
        return new DeadLetterTopicView(topic.name(), topic.originalTopic(), topic.depth(),
                topic.partitions().stream().map(PartitionView::of).toList());
    }

    record PartitionView(
            int partition,
            @Schema(description = "Oldest offset kept") long startOffset,
            @Schema(description = "Next offset to be written") long endOffset,
            long depth) {

        static PartitionView of(PartitionDepth depth) {
            return new PartitionView(depth.partition(), depth.startOffset(), depth.endOffset(), depth.depth());
        }
    }
}
