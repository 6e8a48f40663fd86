package io.voidvm.monitoring.deadletter.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.voidvm.monitoring.deadletter.domain.ReplayOutcome;
import java.util.List;

/** What a replay did. */
record ReplayView(
        String topic,
        String originalTopic,
        int partition,
        @Schema(description = "Offsets copied to the original topic by this request") List<Long> replayed,
        @Schema(description = "Offsets replayed before and left alone") List<Long> alreadyReplayed) {

    static ReplayView of(ReplayOutcome outcome) {
        return new ReplayView(outcome.topic(), outcome.originalTopic(), outcome.partition(), outcome.replayed(),
                outcome.alreadyReplayed());
    }
}
