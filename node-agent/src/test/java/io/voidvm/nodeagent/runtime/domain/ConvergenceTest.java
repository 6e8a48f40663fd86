package io.voidvm.nodeagent.runtime.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ConvergenceTest {

    @ParameterizedTest(name = "{0} wanting {1} -> {2}")
    @CsvSource({
            "DEFINED, RUNNING, LAUNCH", "STOPPED, RUNNING, LAUNCH", "CRASHED, RUNNING, LAUNCH",
            "STARTING, RUNNING, CONTINUE", "PAUSED, RUNNING, CONTINUE", "RUNNING, RUNNING, NONE",
            "STOPPING, RUNNING, SHUT_DOWN",
            "STOPPED, PAUSED, LAUNCH", "RUNNING, PAUSED, PAUSE", "PAUSED, PAUSED, NONE", "STARTING, PAUSED, NONE",
            "RUNNING, STOPPED, SHUT_DOWN", "PAUSED, STOPPED, SHUT_DOWN", "STOPPED, STOPPED, NONE",
            "CRASHED, STOPPED, NONE", "DEFINED, STOPPED, NONE",
            "RUNNING, DELETED, SHUT_DOWN", "STOPPED, DELETED, REMOVE", "CRASHED, DELETED, REMOVE"})
    void nextStep(VmState observed, DesiredPower desired, Step expected) {
        assertThat(Convergence.next(observed, desired)).isEqualTo(expected);
    }

    /** Applying each step's intended outcome always reaches NONE or REMOVE within the bound. */
    @ParameterizedTest
    @EnumSource(DesiredPower.class)
    void everyStateConvergesWithinTheBound(DesiredPower desired) {
        for (VmState start : VmState.values()) {
            VmState state = start;
            int steps = 0;
            Step step;
            while ((step = Convergence.next(state, desired)) != Step.NONE && step != Step.REMOVE) {
                state = switch (step) {
                    case LAUNCH -> desired == DesiredPower.RUNNING ? VmState.STARTING : VmState.PAUSED;
                    case CONTINUE -> VmState.RUNNING;
                    case PAUSE -> VmState.PAUSED;
                    case SHUT_DOWN -> VmState.STOPPED;
                    case NONE, REMOVE -> throw new AssertionError("loop ended");
                };
                steps++;
                assertThat(steps).as("steps from %s to %s", start, desired).isLessThanOrEqualTo(Convergence.MAX_STEPS);
            }
        }
    }

    @Test
    void onlyStatesWithQemuAreShutDown() {
        EnumSet<VmState> shutDown = EnumSet.noneOf(VmState.class);
        for (VmState state : VmState.values()) {
            if (Convergence.next(state, DesiredPower.STOPPED) == Step.SHUT_DOWN) {
                shutDown.add(state);
            }
        }
        assertThat(shutDown).containsExactlyInAnyOrder(VmState.STARTING, VmState.RUNNING, VmState.PAUSED,
                VmState.STOPPING);
    }
}
