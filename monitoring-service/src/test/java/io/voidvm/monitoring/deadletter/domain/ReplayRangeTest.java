package io.voidvm.monitoring.deadletter.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import io.voidvm.servicekit.problem.domain.NotFoundException;
import org.junit.jupiter.api.Test;

class ReplayRangeTest {

    @Test
    void aMissingEndMeansOneRecord() {
        assertThat(ReplayRange.of(1, 5L, null, null, 10)).isEqualTo(new ReplayRange(1, 5, 5, false));
        assertThat(ReplayRange.of(0, 0L, 9L, true, 10)).isEqualTo(new ReplayRange(0, 0, 9, true));
    }

    @Test
    void eachWrongValueIsNamed() {
        assertThat(field(() -> ReplayRange.of(null, 0L, null, null, 10))).isEqualTo("partition");
        assertThat(field(() -> ReplayRange.of(-1, 0L, null, null, 10))).isEqualTo("partition");
        assertThat(field(() -> ReplayRange.of(0, null, null, null, 10))).isEqualTo("fromOffset");
        assertThat(field(() -> ReplayRange.of(0, 3L, 2L, null, 10))).isEqualTo("toOffset");
        assertThat(field(() -> ReplayRange.of(0, 0L, 10L, null, 10))).as("11 records").isEqualTo("toOffset");
    }

    @Test
    void theRangeMustLieWhereThePartitionHoldsRecords() {
        PartitionDepth depth = new PartitionDepth(0, 10, 20);
        new ReplayRange(0, 10, 19, false).requireWithin(depth);
        assertThat(field(() -> new ReplayRange(0, 9, 12, false).requireWithin(depth))).isEqualTo("fromOffset");
        assertThat(field(() -> new ReplayRange(0, 12, 20, false).requireWithin(depth))).isEqualTo("toOffset");
    }

    @Test
    void onlyDeadLetterTopicsAreNamedByTheApi() {
        assertThat(DeadLetterTopics.require("voidvm.vm.events.dlt")).isEqualTo("voidvm.vm.events.dlt");
        assertThat(DeadLetterTopics.originalOf("voidvm.vm.events.dlt")).isEqualTo("voidvm.vm.events");
        assertThatThrownBy(() -> DeadLetterTopics.require("voidvm.vm.events")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> DeadLetterTopics.require(".dlt")).isInstanceOf(NotFoundException.class);
        assertThat(field(() -> DeadLetterTopics.require("a/b.dlt"))).isEqualTo("topic");
        assertThat(field(() -> DeadLetterTopics.require("x".repeat(250) + ".dlt"))).isEqualTo("topic");
    }

    private static String field(Runnable call) {
        try {
            call.run();
        } catch (InvalidRequestException e) {
            return e.field();
        }
        throw new AssertionError("no InvalidRequestException");
    }
}
