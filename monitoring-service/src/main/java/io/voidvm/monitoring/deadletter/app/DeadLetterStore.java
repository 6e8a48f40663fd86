package io.voidvm.monitoring.deadletter.app;

import io.voidvm.monitoring.deadletter.domain.DeadLetter;
import io.voidvm.monitoring.deadletter.domain.DeadLetterTopic;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The dead-letter topics on the broker. Every call ends within the configured time limit or fails with a
 * {@code DeadLettersUnavailableException}.
 */
public interface DeadLetterStore {

    /** Every dead-letter topic with its partitions' offsets. */
    Mono<List<DeadLetterTopic>> topics();

    /** One dead-letter topic, or empty when the broker has no such topic. */
    Mono<DeadLetterTopic> topic(String name);

    /**
     * Up to {@code max} records of the slices, in slice order then offset order (replay marks not filled in).
     */
    Mono<List<DeadLetter>> read(String topic, List<Slice> slices, int max);

    /**
     * Copies the dead letter's key and value to {@code targetTopic} (partition chosen by the key, as the original
     * producer's was), with a {@code voidvm-replay-of} header naming the dead letter; completes once acked.
     */
    Mono<Void> republish(DeadLetter letter, String targetTopic);

    /** Offsets {@code fromOffset} (included) to {@code untilOffset} (excluded) of one partition. */
    record Slice(int partition, long fromOffset, long untilOffset) {
    }
}
