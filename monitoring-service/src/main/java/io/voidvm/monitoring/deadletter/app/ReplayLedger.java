package io.voidvm.monitoring.deadletter.app;

import io.voidvm.monitoring.deadletter.domain.DeadLetter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Which dead letters were replayed, when and by whom. A claim is atomic per dead letter, so two clicks (or two
 * replicas) never replay one dead letter twice.
 */
public interface ReplayLedger {

    /**
     * Marks the offsets of one partition as replayed now, and answers those this call marked: the rest were
     * marked before. With {@code force} every offset is (re)marked.
     */
    Mono<List<Long>> claim(String topic, int partition, List<Long> offsets, DeadLetter.Replay mark, boolean force);

    /** Withdraws marks this call made, for dead letters that could not be republished after all. */
    Mono<Void> release(String topic, int partition, List<Long> offsets, DeadLetter.Replay mark);

    /** The replay marks of these dead letters of one topic, by partition and offset. */
    Mono<Map<Position, DeadLetter.Replay>> marks(String topic, List<Position> positions);

    record Position(int partition, long offset) {
    }
}
