package io.voidvm.vm.operation.domain;

import static io.voidvm.vm.lifecycle.domain.TestVms.COMMANDS;
import static io.voidvm.vm.lifecycle.domain.TestVms.NODE;
import static io.voidvm.vm.lifecycle.domain.TestVms.created;
import static io.voidvm.vm.lifecycle.domain.TestVms.report;
import static io.voidvm.vm.lifecycle.domain.TestVms.settled;
import static io.voidvm.vm.operation.domain.TestDeadlines.DEADLINES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.contracts.vm.event.CommandOutcome;
import io.voidvm.contracts.vm.event.CommandResult;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.vm.lifecycle.domain.BootVolume;
import io.voidvm.vm.lifecycle.domain.DesiredPower;
import io.voidvm.vm.lifecycle.domain.Vm;
import io.voidvm.vm.lifecycle.domain.VmAction;
import io.voidvm.vm.operation.domain.OperationTimeouts.TimedOut;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Deadlines by action and the rule that times an open operation out; every instant from one fixed clock. */
class OperationTimeoutsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-08T09:00:00Z"), ZoneOffset.UTC);
    private static final UUID COMMAND = UUID.randomUUID();

    private static Instant later(Duration duration) {
        return CLOCK.instant().plus(duration);
    }

    private static Operation open(OperationAction action, Vm vm, UUID command) {
        return Operation.open(UUID.randomUUID(), action, vm, "alice", command, DEADLINES, CLOCK.instant());
    }

    private static Vm starting() {
        return settled(VmStatus.STOPPED, DesiredPower.STOPPED).apply(VmAction.START, COMMANDS, CLOCK.instant()).vm();
    }

    private static TimedOut timedOut(Operation op, Vm vm, Instant at) {
        return OperationTimeouts.check(op, vm, at).orElseThrow(() -> new AssertionError("not timed out at " + at));
    }

    @Test
    void eachActionGetsItsBudgetAndAGracefulStopIncludesTheGuestsPowerDownTime() {
        Vm vm = settled(VmStatus.RUNNING, DesiredPower.RUNNING);
        Vm fromImage = new Vm(UUID.randomUUID(), "acme", "img", "", 1, 512, 1, UUID.randomUUID(),
                new BootVolume(UUID.randomUUID(), "default", NODE), java.util.List.of(), vm.osType(),
                DesiredPower.RUNNING, VmStatus.STARTING, null, NODE, 2, 1, CLOCK.instant(), 0, CLOCK.instant(),
                CLOCK.instant());

        assertThat(DEADLINES.budget(OperationAction.START, vm)).isEqualTo(TestDeadlines.QUICK);
        assertThat(DEADLINES.budget(OperationAction.START, fromImage)).isEqualTo(TestDeadlines.FROM_IMAGE);
        assertThat(DEADLINES.budget(OperationAction.CREATE, fromImage)).as("defining does not wait for the volume")
                .isEqualTo(TestDeadlines.QUICK);
        assertThat(DEADLINES.budget(OperationAction.STOP, vm)).isEqualTo(TestDeadlines.STOP);
        assertThat(DEADLINES.budget(OperationAction.DELETE, vm)).isEqualTo(TestDeadlines.DELETE);
        assertThat(open(OperationAction.STOP, vm, COMMAND).deadline()).isEqualTo(later(TestDeadlines.STOP));
        assertThatThrownBy(() -> new OperationDeadlines(Duration.ZERO, TestDeadlines.QUICK, TestDeadlines.QUICK,
                TestDeadlines.QUICK, TestDeadlines.QUICK, TestDeadlines.QUICK, TestDeadlines.QUICK,
                TestDeadlines.QUICK, TestDeadlines.QUICK, TestDeadlines.QUICK)).hasMessageContaining("define");
    }

    @Test
    void anOpenStartFailsAtItsDeadlineNamingTheNodeAndTheVmKeepsItsStatusWithTheReason() {
        Vm vm = starting();
        Operation start = open(OperationAction.START, vm, COMMAND);

        assertThat(OperationTimeouts.check(start, vm, later(TestDeadlines.QUICK).minusNanos(1000))).isEmpty();
        TimedOut out = timedOut(start, vm, later(TestDeadlines.QUICK));

        assertThat(out.operation().status()).isEqualTo(OperationStatus.FAILED);
        assertThat(out.operation().finishedAt()).isEqualTo(later(TestDeadlines.QUICK));
        assertThat(out.operation().problem().code()).isEqualTo(OperationProblem.TIMED_OUT);
        assertThat(out.operation().problem().detail())
                .isEqualTo("start timed out after 30 s waiting for node node-a: no report of the VM RUNNING at "
                        + "generation 6 (the node last applied generation 5)");
        assertThat(out.vm().status()).as("vm-service does not guess a status").isEqualTo(VmStatus.STARTING);
        assertThat(out.vm().desiredPower()).isEqualTo(DesiredPower.RUNNING);
        assertThat(out.vm().statusReason()).isEqualTo("start timed out after 30 s waiting for node node-a");
        assertThat(out.vm().updatedAt()).isEqualTo(later(TestDeadlines.QUICK));
    }

    @Test
    void aLateReportMovesTheVmButTheTimedOutOperationNeverChanges() {
        Vm vm = starting();
        TimedOut out = timedOut(open(OperationAction.START, vm, COMMAND), vm, later(TestDeadlines.QUICK));
        Instant late = later(Duration.ofMinutes(3));

        Vm running = out.vm().observe(report(VmStatus.RUNNING, 6, late), late).vm();
        assertThat(running.status()).isEqualTo(VmStatus.RUNNING);
        assertThat(running.statusReason()).as("the node's report replaces the timeout").isNull();

        Operation failed = out.operation();
        assertThat(failed.track(running, late)).isSameAs(failed);
        assertThat(failed.onCommandResult(new CommandResult(COMMAND, CommandOutcome.SUCCEEDED, null, null), late))
                .isSameAs(failed);
        assertThat(OperationTimeouts.check(failed, running, late)).as("timed out once").isEmpty();
    }

    @Test
    void aFinishedOperationIsNeverTimedOut() {
        Vm vm = starting();
        Operation start = open(OperationAction.START, vm, COMMAND);
        Vm running = vm.observe(report(VmStatus.RUNNING, 6, later(Duration.ofSeconds(2))), later(Duration.ofSeconds(2)))
                .vm();
        Operation done = start.track(running, later(Duration.ofSeconds(2)));
        assertThat(done.status()).isEqualTo(OperationStatus.SUCCEEDED);

        assertThat(OperationTimeouts.check(done, running, later(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    void aOneShotActionWaitsForItsCommandsResult() {
        Vm vm = settled(VmStatus.RUNNING, DesiredPower.RUNNING);
        Operation reboot = open(OperationAction.REBOOT, vm, COMMAND);

        TimedOut out = timedOut(reboot, vm, later(TestDeadlines.QUICK));
        assertThat(out.operation().problem().detail()).isEqualTo("reboot timed out after 30 s waiting for node "
                + "node-a: no result for its command " + COMMAND);
        assertThat(out.vm().status()).isEqualTo(VmStatus.RUNNING);
        assertThat(out.vm().statusReason()).isEqualTo("reboot timed out after 30 s waiting for node node-a");
    }

    @Test
    void aCreateThatNoNodeCouldTakeTimesOutWithThePlacementsReason() {
        Vm waiting = created(DesiredPower.STOPPED).unplaceable("no node with 2 free vCPUs", CLOCK.instant());
        Operation create = open(OperationAction.CREATE, waiting, null);

        TimedOut out = timedOut(create, waiting, later(Duration.ofMinutes(1)));
        assertThat(out.operation().problem().detail()).isEqualTo("create timed out after 30 s waiting for a node to "
                + "place the VM on: no node with 2 free vCPUs");
        assertThat(out.vm().status()).isEqualTo(VmStatus.PENDING);
        assertThat(out.vm().nodeName()).isNull();
    }

    @Test
    void aGracefulStopTimesOutOnlyAfterThePowerDownTimeAndAGoneVmIsNoObstacle() {
        Vm stopping = settled(VmStatus.RUNNING, DesiredPower.RUNNING).apply(VmAction.STOP, COMMANDS, CLOCK.instant())
                .vm();
        Operation stop = open(OperationAction.STOP, stopping, COMMAND);
        assertThat(OperationTimeouts.check(stop, stopping, later(Duration.ofSeconds(89)))).isEmpty();
        TimedOut out = timedOut(stop, stopping, later(Duration.ofSeconds(90)));
        assertThat(out.vm().statusReason()).isEqualTo("stop timed out after 90 s waiting for node node-a");
        assertThat(out.vm().status()).isEqualTo(VmStatus.STOPPING);

        TimedOut orphan = timedOut(stop, null, later(Duration.ofMinutes(2)));
        assertThat(orphan.vm()).isNull();
        assertThat(orphan.operation().problem().detail()).startsWith("stop timed out after 90 s waiting for its VM");
        assertThatThrownBy(() -> OperationTimeouts.check(stop, settled(VmStatus.RUNNING, DesiredPower.RUNNING),
                later(Duration.ofMinutes(2)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void budgetsReadLikeAPerson() {
        assertThat(OperationTimeouts.human(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(OperationTimeouts.human(Duration.ofSeconds(90))).isEqualTo("90 s");
        assertThat(OperationTimeouts.human(Duration.ofMinutes(6))).isEqualTo("6 min");
        assertThat(OperationTimeouts.human(Duration.ofSeconds(150))).isEqualTo("2 min 30 s");
        assertThat(OperationTimeouts.human(Duration.ofMillis(1_600))).isEqualTo("2 s");
    }
}
