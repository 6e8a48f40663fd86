package io.voidvm.kafkakit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.voidvm.contracts.codec.UnknownMessageTypeException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class DeadLetterReportTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeadLetterReport report = new DeadLetterReport(registry, DeadLetterReasons.contracts());

    @Test
    void countsEachDeadLetterByOriginalTopicAndReason() {
        var poison = new ListenerExecutionFailedException("x", new UnknownMessageTypeException("vm.event.nonsense"));
        report.deadLettered(new ConsumerRecord<>("voidvm.vm.events", 0, 7, "vm-1", new byte[0]),
                "voidvm.vm.events.dlt", poison);
        report.deadLettered(new ConsumerRecord<>("voidvm.vm.events", 1, 9, "vm-2", new byte[0]),
                "voidvm.vm.events.dlt", poison);
        report.deadLettered(new ConsumerRecord<>("voidvm.vm.events", 1, 10, "vm-2", new byte[0]),
                "voidvm.vm.events.dlt", new ListenerExecutionFailedException("x", new IllegalStateException("db")));

        assertThat(registry.get(DeadLetterReport.COUNTER).tag("topic", "voidvm.vm.events")
                .tag("reason", "UNKNOWN_TYPE").counter().count()).isEqualTo(2);
        assertThat(registry.get(DeadLetterReport.COUNTER).tag("reason", "PROCESSING_FAILED").counter().count())
                .isEqualTo(1);
    }

    @Test
    void theCauseIsWhatBrokeNotSpringsWrapper() {
        var contract = new UnknownMessageTypeException("x");
        assertThat(DeadLetterReport.causeOf(new ListenerExecutionFailedException("x", contract))).isSameAs(contract);
        var plain = new IllegalStateException("plain");
        assertThat(DeadLetterReport.causeOf(plain)).isSameAs(plain);
    }

    @Test
    void quotedPiecesOfTheInputNeverReachTheLog() {
        assertThat(DeadLetterReport.masked("not valid JSON: Unrecognized token 'hunter2': was expecting "
                + "('true', 'false' or 'null')")).isEqualTo("not valid JSON: Unrecognized token '…': was expecting "
                + "('…', '…' or '…')");
        assertThat(DeadLetterReport.masked("Cannot deserialize value of type `java.util.UUID` from String \"s3cret\""))
                .isEqualTo("Cannot deserialize value of type `java.util.UUID` from String \"…\"");
        assertThat(DeadLetterReport.masked("schemaVersion is missing")).isEqualTo("schemaVersion is missing");
        assertThat(DeadLetterReport.masked(null)).isNull();
    }
}
