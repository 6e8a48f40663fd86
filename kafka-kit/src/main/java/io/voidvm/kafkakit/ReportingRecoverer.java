package io.voidvm.kafkakit;

import io.voidvm.contracts.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Spring's recoverer to {@code <topic>.dlt}, plus the reason header and the {@link DeadLetterReport} once the
 * dead letter is on its topic. A send that fails throws before the report, so the error handler tries again and
 * nothing is counted that did not land.
 */
final class ReportingRecoverer extends DeadLetterPublishingRecoverer {

    private final DeadLetterReport report;

    ReportingRecoverer(KafkaOperations<?, ?> template, DeadLetterReasons reasons, DeadLetterReport report) {
        // partition -1: the record's key picks the dead-letter partition, so the DLT may have its own count
        super(template, (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        this.report = Objects.requireNonNull(report, "report");
        addHeadersFunction((record, failure) -> {
            var headers = new RecordHeaders();
            headers.add(DeadLetterHeaders.REASON, reasons.reasonOf(failure).getBytes(StandardCharsets.UTF_8));
            return headers;
        });
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception failure) {
        super.accept(record, consumer, failure);
        report.deadLettered(record, Topics.deadLetter(record.topic()), failure);
    }
}
