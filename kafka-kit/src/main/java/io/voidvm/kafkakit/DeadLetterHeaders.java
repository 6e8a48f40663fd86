package io.voidvm.kafkakit;

/**
 * Headers voidVM adds to dead letters and replays, beside Spring Kafka's {@code kafka_dlt-*} headers (original
 * topic, partition, offset, consumer group, exception class and message).
 */
public final class DeadLetterHeaders {

    /** On a dead letter: why it was dead-lettered, a {@link DeadLetterReasons} code such as {@code MALFORMED}. */
    public static final String REASON = "voidvm-dlt-reason";

    /**
     * On a record an operator replayed from a dead-letter topic: {@code <dlt topic>/<partition>/<offset>} of the
     * dead letter it was copied from.
     */
    public static final String REPLAY_OF = "voidvm-replay-of";

    private DeadLetterHeaders() {
    }

    /** The value of {@link #REPLAY_OF} for the dead letter at this position. */
    public static String replayOf(String deadLetterTopic, int partition, long offset) {
        return deadLetterTopic + "/" + partition + "/" + offset;
    }
}
