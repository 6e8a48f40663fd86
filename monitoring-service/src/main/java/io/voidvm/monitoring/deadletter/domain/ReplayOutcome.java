package io.voidvm.monitoring.deadletter.domain;

import java.util.List;

/**
 * What a replay did: the offsets copied back to {@code originalTopic} now, and those left alone because they had
 * been replayed before (a second click, or another operator).
 */
public record ReplayOutcome(String topic, String originalTopic, int partition, List<Long> replayed,
                            List<Long> alreadyReplayed) {

    public ReplayOutcome {
        replayed = List.copyOf(replayed);
        alreadyReplayed = List.copyOf(alreadyReplayed);
    }
}
