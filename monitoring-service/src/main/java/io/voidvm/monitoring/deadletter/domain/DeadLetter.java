package io.voidvm.monitoring.deadletter.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One record on a dead-letter topic, as stored: where it sits, where it came from and why it failed (from the
 * {@code kafka_dlt-*} and {@code voidvm-dlt-reason} headers; null where a header is missing), and its key and
 * value bytes. {@code replay} is set once an operator has replayed it.
 */
public record DeadLetter(String topic, int partition, long offset, Instant timestamp, byte[] key, byte[] value,
                         Origin origin, Failure failure, Replay replay) {

    public DeadLetter {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(failure, "failure");
    }

    /** Bytes of the value; 0 for a tombstone. */
    public int size() {
        return value == null ? 0 : value.length;
    }

    public DeadLetter replayed(Replay mark) {
        return new DeadLetter(topic, partition, offset, timestamp, key, value, origin, failure, mark);
    }

    /** The record before it was dead-lettered. */
    public record Origin(String topic, Integer partition, Long offset, Instant timestamp, String consumerGroup) {
    }

    /**
     * Why the consumer gave up: the reason code ({@code MALFORMED}, {@code PROCESSING_FAILED}, ...), the class of
     * the exception and of its cause, and the message.
     */
    public record Failure(String reason, String exceptionClass, String causeClass, String message) {
    }

    /** When and by whom this dead letter was copied back to its original topic. */
    public record Replay(Instant at, String by) {
    }
}
