package io.voidvm.monitoring.deadletter.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One dead letter as operators see it. */
record DeadLetterView(
        @Schema(example = "voidvm.vm.events.dlt") String topic,
        int partition,
        long offset,
        @Schema(description = "When it was dead-lettered") Instant timestamp,
        @Schema(description = "The record key as UTF-8 text (a vmId, node name or volumeId)") String key,
        Original original,
        Failure failure,
        @Schema(description = "Bytes of the value") int size,
        @Schema(description = "How `value` shows the value: JSON (the document itself), TEXT (UTF-8 text), BASE64, "
                + "OMITTED (larger than the configured maximum; see `size`) or NONE (no value)")
        ValueEncoding valueEncoding,
        @Schema(description = "The value, as `valueEncoding` says") Object value,
        @Schema(description = "Set once an operator replayed it") Replay replayed) {

    enum ValueEncoding { JSON, TEXT, BASE64, OMITTED, NONE }

    @Schema(description = "The record before it was dead-lettered (Spring Kafka's kafka_dlt-original-* headers)")
    record Original(String topic, Integer partition, Long offset, Instant timestamp, String consumerGroup) {
    }

    @Schema(description = "Why the consumer gave up")
    record Failure(
            @Schema(description = "voidVM's reason code: MALFORMED, UNKNOWN_TYPE, UNEXPECTED_TYPE, "
                    + "UNSUPPORTED_SCHEMA_VERSION, MISROUTED or PROCESSING_FAILED (retries exhausted)")
            String reason,
            String exceptionClass,
            String causeClass,
            String message) {
    }

    record Replay(Instant at, @Schema(description = "Subject of the admin's token") String by) {
    }
}
