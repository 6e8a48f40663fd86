package io.voidvm.kafkakit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.contracts.codec.ContractException;
import io.voidvm.contracts.codec.MalformedMessageException;
import io.voidvm.contracts.codec.UnknownMessageTypeException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

class DeadLetterReasonsTest {

    private final DeadLetterReasons reasons = DeadLetterReasons.contracts().and(Misrouted.class, "MISROUTED");

    @Test
    void aContractViolationIsReportedUnderItsOwnReasonBehindSpringsWrappers() {
        var undecodable = new DeserializationException("failed to deserialize", new byte[0], false,
                new UnknownMessageTypeException("vm.command.explode"));
        assertThat(reasons.reasonOf(new ListenerExecutionFailedException("listener failed", undecodable)))
                .isEqualTo("UNKNOWN_TYPE");
        assertThat(reasons.reasonOf(new MalformedMessageException("not valid JSON", null))).isEqualTo("MALFORMED");
    }

    @Test
    void aConsumersOwnPoisonHasItsCodeAndAnythingElseFailedProcessing() {
        assertThat(reasons.reasonOf(new ListenerExecutionFailedException("x", new Misrouted()))).isEqualTo("MISROUTED");
        assertThat(reasons.reasonOf(new ListenerExecutionFailedException("x", new IllegalStateException("db down"))))
                .isEqualTo(DeadLetterReasons.PROCESSING_FAILED);
        assertThat(DeadLetterReasons.contracts().reasonOf(new Misrouted())).isEqualTo(DeadLetterReasons.PROCESSING_FAILED);
    }

    @Test
    void poisonIsNeverRetried() {
        assertThat(reasons.notRetryable()).containsExactly(ContractException.class, Misrouted.class);
        assertThat(DeadLetterReasons.contracts().notRetryable()).containsExactly(ContractException.class);
    }

    @Test
    void aReasonIsASmallFixedCodeFitForAMetricTag() {
        assertThatThrownBy(() -> reasons.and(Misrouted.class, "misrouted")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reasons.and(Misrouted.class, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReplayNamesTheDeadLetterItCopies() {
        assertThat(DeadLetterHeaders.replayOf("voidvm.vm.events.dlt", 2, 41)).isEqualTo("voidvm.vm.events.dlt/2/41");
    }

    static final class Misrouted extends RuntimeException {
    }
}
