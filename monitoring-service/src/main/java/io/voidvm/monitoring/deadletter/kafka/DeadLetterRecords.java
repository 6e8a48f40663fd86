package io.voidvm.monitoring.deadletter.kafka;

import io.voidvm.kafkakit.DeadLetterHeaders;
import io.voidvm.monitoring.deadletter.domain.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.support.KafkaHeaders;

/** Reads a dead letter out of a record and the headers Spring Kafka's recoverer and kafka-kit wrote on it. */
final class DeadLetterRecords {

    /** Exception messages can hold whole stack summaries; an operator needs the start. */
    private static final int MAX_MESSAGE = 2000;

    private DeadLetterRecords() {
    }

    static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        Headers headers = record.headers();
        Long originalTimestamp = number(headers, KafkaHeaders.DLT_ORIGINAL_TIMESTAMP);
        var origin = new DeadLetter.Origin(text(headers, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                integer(headers, KafkaHeaders.DLT_ORIGINAL_PARTITION),
                number(headers, KafkaHeaders.DLT_ORIGINAL_OFFSET),
                originalTimestamp == null ? null : Instant.ofEpochMilli(originalTimestamp),
                text(headers, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP));
        String message = text(headers, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
        var failure = new DeadLetter.Failure(text(headers, DeadLetterHeaders.REASON),
                text(headers, KafkaHeaders.DLT_EXCEPTION_FQCN), text(headers, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN),
                message == null || message.length() <= MAX_MESSAGE
                        ? message : message.substring(0, MAX_MESSAGE) + "…");
        return new DeadLetter(record.topic(), record.partition(), record.offset(),
                record.timestamp() < 0 ? null : Instant.ofEpochMilli(record.timestamp()), record.key(), record.value(),
                origin, failure, null);
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Spring writes the original partition as a 4-byte big-endian int. */
    private static Integer integer(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null || header.value().length != Integer.BYTES
                ? null : ByteBuffer.wrap(header.value()).getInt();
    }

    /** ... and offsets and timestamps as 8-byte big-endian longs. */
    private static Long number(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null || header.value().length != Long.BYTES
                ? null : ByteBuffer.wrap(header.value()).getLong();
    }
}
