package io.voidvm.nodeagent.runtime.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.contracts.vm.spec.RestartPolicy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExitCauseTest {

    @Test
    void aPanicOutranksEverythingElse() {
        ExitCause cause = ExitCause.unrequested(true, true, true, "guest-shutdown", new ProcessExit(0, null));
        assertThat(cause.reason()).isEqualTo("guest panicked");
        assertThat(cause.resultingState()).isEqualTo(VmState.CRASHED);
    }

    @Test
    void aGuestPowerOffIsCleanAndAHostSignalToo() {
        assertThat(ExitCause.unrequested(false, true, true, "guest-shutdown", ProcessExit.unknown()))
                .satisfies(cause -> {
                    assertThat(cause.reason()).isEqualTo("guest powered off");
                    assertThat(cause.resultingState()).isEqualTo(VmState.STOPPED);
                });
        assertThat(ExitCause.unrequested(false, true, false, "host-signal", new ProcessExit(0, null)).reason())
                .isEqualTo("qemu shut down (host-signal)");
    }

    @Test
    void anUnannouncedExitIsACrashUnlessItsCodeIsZero() {
        assertThat(ExitCause.unrequested(false, false, false, "", new ProcessExit(null, 9)))
                .satisfies(cause -> {
                    assertThat(cause.reason()).isEqualTo("qemu exited unexpectedly: killed by signal 9 (SIGKILL)");
                    assertThat(cause.clean()).isFalse();
                });
        assertThat(ExitCause.unrequested(false, false, false, "", new ProcessExit(1, null)).reason())
                .isEqualTo("qemu exited unexpectedly: exit code 1");
        assertThat(ExitCause.unrequested(false, false, false, "", new ProcessExit(null, 64)).reason())
                .isEqualTo("qemu exited unexpectedly: killed by signal 64");
        assertThat(ExitCause.unrequested(false, false, false, "", ProcessExit.unknown()).reason())
                .isEqualTo("qemu exited unexpectedly: exit status unknown");
        assertThat(ExitCause.unrequested(false, false, false, "", new ProcessExit(0, null)).clean()).isTrue();
        assertThat(ExitCause.unrequested(false, false, false, "", ProcessExit.unknown()).clean()).isFalse();
    }

    @Test
    void aLeftoverPidfileMeansQemuDidNotEndCleanly() {
        assertThat(new ExitCause.NotRunningAfterRestart(true).clean()).isFalse();
        assertThat(new ExitCause.NotRunningAfterRestart(false).clean()).isTrue();
        assertThat(new ExitCause.NotRunningAfterRestart(true).reason()).isEqualTo("qemu not running after agent restart");
    }

    @Test
    void javaExitValuesAbove128AreSignals() {
        assertThat(ProcessExit.fromJavaExitValue(137)).isEqualTo(new ProcessExit(null, 9));
        assertThat(ProcessExit.fromJavaExitValue(1)).isEqualTo(new ProcessExit(1, null));
        assertThat(ProcessExit.fromJavaExitValue(0).success()).isTrue();
    }

    @Test
    void policiesDecideRestartsButNeverAfterARequestedStop() {
        ExitCause crash = new ExitCause.QemuExited(new ProcessExit(null, 11));
        ExitCause powerOff = new ExitCause.GuestPoweredOff();
        ExitCause requested = new ExitCause.StoppedOnRequest(ExitCause.StoppedOnRequest.How.FORCED, Duration.ZERO);

        assertThat(RestartRules.policyRestarts(RestartPolicy.ALWAYS, crash)).isTrue();
        assertThat(RestartRules.policyRestarts(RestartPolicy.ALWAYS, powerOff)).isTrue();
        assertThat(RestartRules.policyRestarts(RestartPolicy.ALWAYS, requested)).isFalse();
        assertThat(RestartRules.policyRestarts(RestartPolicy.ON_FAILURE, crash)).isTrue();
        assertThat(RestartRules.policyRestarts(RestartPolicy.ON_FAILURE, powerOff)).isFalse();
        assertThat(RestartRules.policyRestarts(RestartPolicy.NEVER, crash)).isFalse();
    }

    @Test
    void theRestartBudgetStopsACrashLoopAndRefillsOverTime() {
        RestartRules rules = new RestartRules(2, Duration.ofMinutes(1));
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");

        assertThat(rules.tryRestart(t0)).isTrue();
        assertThat(rules.restarted(RestartPolicy.ALWAYS))
                .isEqualTo("restarted by restart policy ALWAYS (restart 1 of 2 within 1m)");
        assertThat(rules.tryRestart(t0.plusSeconds(1))).isTrue();
        assertThat(rules.restarted(RestartPolicy.ON_FAILURE))
                .isEqualTo("restarted by restart policy ON_FAILURE (restart 2 of 2 within 1m)");
        assertThat(rules.tryRestart(t0.plusSeconds(2))).isFalse();
        assertThat(rules.notRestarted(RestartPolicy.ALWAYS))
                .isEqualTo("not restarted: restart policy ALWAYS allows 2 restarts within 1m, all used");
        assertThat(rules.tryRestart(t0.plusSeconds(61))).isTrue();
        assertThat(rules.restarted(RestartPolicy.ALWAYS)).contains("(restart 1 of 2 within 1m)");
    }

    @Test
    void windowsReadAsTheyAreWrittenInSettings() {
        assertThat(RestartRules.human(Duration.ofMinutes(10))).isEqualTo("10m");
        assertThat(RestartRules.human(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(RestartRules.human(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(RestartRules.human(Duration.ofMillis(1500))).isEqualTo("1500ms");
    }
}
