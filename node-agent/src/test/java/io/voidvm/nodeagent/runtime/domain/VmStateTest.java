package io.voidvm.nodeagent.runtime.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.contracts.vm.event.VmStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class VmStateTest {

    @ParameterizedTest
    @CsvSource({"DEFINED, STOPPED", "STARTING, STARTING", "RUNNING, RUNNING", "PAUSED, PAUSED",
            "STOPPING, STOPPING", "STOPPED, STOPPED", "CRASHED, ERROR"})
    void mapsToTheApiStatus(VmState state, VmStatus status) {
        assertThat(state.toStatus()).isEqualTo(status);
    }

    @ParameterizedTest
    @EnumSource(value = VmState.class, names = {"STARTING", "RUNNING", "PAUSED", "STOPPING"})
    void qemuMayDieInEveryStateThatHasOne(VmState state) {
        assertThat(state.hasQemu()).isTrue();
        assertThat(state.canBecome(VmState.STOPPED)).isTrue();
        assertThat(state.canBecome(VmState.CRASHED)).isTrue();
    }

    @Test
    void aVmMustStopBeforeItStartsAgain() {
        assertThat(VmState.RUNNING.canBecome(VmState.STARTING)).isFalse();
        assertThat(VmState.STOPPING.canBecome(VmState.RUNNING)).isFalse();
        assertThat(VmState.PAUSED.canBecome(VmState.STARTING)).isFalse();
        assertThat(VmState.STOPPED.canBecome(VmState.STARTING)).isTrue();
        assertThat(VmState.CRASHED.canBecome(VmState.STARTING)).isTrue();
    }

    @Test
    void noStateLeadsToDefined() {
        for (VmState state : VmState.values()) {
            assertThat(state.canBecome(VmState.DEFINED)).as("%s -> DEFINED", state).isFalse();
        }
    }
}
