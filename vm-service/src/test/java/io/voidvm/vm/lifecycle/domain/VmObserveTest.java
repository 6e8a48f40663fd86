package io.voidvm.vm.lifecycle.domain;

import static io.voidvm.vm.lifecycle.domain.TestVms.COMMANDS;
import static io.voidvm.vm.lifecycle.domain.TestVms.NODE;
import static io.voidvm.vm.lifecycle.domain.TestVms.at;
import static io.voidvm.vm.lifecycle.domain.TestVms.created;
import static io.voidvm.vm.lifecycle.domain.TestVms.report;
import static io.voidvm.vm.lifecycle.domain.TestVms.settled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.contracts.vm.event.VmStatusChanged;
import io.voidvm.vm.lifecycle.domain.Observation.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VmObserveTest {

    @Test
    void aReportFromANodeThatHasCaughtUpBecomesTheStatus() {
        Vm starting = settled(VmStatus.STOPPED, DesiredPower.STOPPED).apply(VmAction.START, COMMANDS, at(1)).vm();

        Observation seen = starting.observe(new VmStatusChanged(VmStatus.RUNNING, null, 6, at(2)), at(3));

        assertThat(seen.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(seen.changed()).isTrue();
        assertThat(seen.vm().status()).isEqualTo(VmStatus.RUNNING);
        assertThat(seen.vm().observedGeneration()).isEqualTo(6);
        assertThat(seen.vm().observedAt()).isEqualTo(at(2));
        assertThat(seen.vm().updatedAt()).isEqualTo(at(3));
        assertThat(seen.vm().desiredPower()).isEqualTo(DesiredPower.RUNNING);
    }

    @Test
    void anErrorCarriesItsReason() {
        Vm running = settled(VmStatus.RUNNING, DesiredPower.RUNNING);

        Vm failed = running.observe(new VmStatusChanged(VmStatus.ERROR, "guest panicked", 5, at(1)), at(1)).vm();

        assertThat(failed.status()).isEqualTo(VmStatus.ERROR);
        assertThat(failed.statusReason()).isEqualTo("guest panicked");
    }

    @Test
    void aReportOfAnOlderGenerationIsIgnored() {
        Vm running = settled(VmStatus.RUNNING, DesiredPower.RUNNING);

        Observation seen = running.observe(report(VmStatus.STOPPED, 4, at(10)), at(11));

        assertThat(seen.outcome()).isEqualTo(Outcome.STALE);
        assertThat(seen.changed()).isFalse();
        assertThat(seen.vm()).isSameAs(running);
    }

    @Test
    void anEarlierReportOfTheSameGenerationArrivingLateIsIgnored() {
        Vm running = settled(VmStatus.STOPPED, DesiredPower.RUNNING)
                .observe(report(VmStatus.RUNNING, 5, at(20)), at(20)).vm();

        Observation late = running.observe(report(VmStatus.STARTING, 5, at(10)), at(21));

        assertThat(late.outcome()).isEqualTo(Outcome.STALE);
        assertThat(late.vm().status()).isEqualTo(VmStatus.RUNNING);
    }

    @Test
    void aReportAtAGenerationNeverIssuedIsRefusedAndTheRealOneIsTakenAfterIt() {
        Vm starting = settled(VmStatus.STOPPED, DesiredPower.STOPPED).apply(VmAction.START, COMMANDS, at(1)).vm();

        Observation forged = starting.observe(report(VmStatus.STOPPED, 99, at(2)), at(3));

        assertThat(forged.outcome()).isEqualTo(Outcome.NEVER_ISSUED);
        assertThat(forged.changed()).isFalse();
        assertThat(forged.vm()).isSameAs(starting);
        Observation real = starting.observe(report(VmStatus.RUNNING, 6, at(4)), at(5));
        assertThat(real.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(real.vm().status()).isEqualTo(VmStatus.RUNNING);
    }

    @Test
    void theSameReportAgainChangesNothing() {
        Vm running = settled(VmStatus.RUNNING, DesiredPower.RUNNING);

        Observation again = running.observe(report(VmStatus.RUNNING, 5, at(30)), at(31));

        assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(again.changed()).isFalse();
        assertThat(again.vm()).isSameAs(running);
    }

    @Test
    void aNodeBehindTheLatestCommandDoesNotOverwriteTheTransitionalStatus() {
        // placed at generation 3 (define 2, start 3); the node reports having applied only the define
        Vm placed = created(DesiredPower.RUNNING).placeOn(NODE, COMMANDS, at(0)).vm();

        Observation behind = placed.observe(report(VmStatus.STOPPED, 2, at(1)), at(2));

        assertThat(behind.outcome()).isEqualTo(Outcome.LAGGING);
        assertThat(behind.changed()).isTrue();
        assertThat(behind.vm().status()).isEqualTo(VmStatus.STARTING);
        assertThat(behind.vm().observedGeneration()).isEqualTo(2);
    }

    @Test
    void aNodeStillAtTheLastSeenGenerationChangesNothing() {
        Vm stopping = settled(VmStatus.RUNNING, DesiredPower.RUNNING).apply(VmAction.STOP, COMMANDS, at(1)).vm();

        Observation behind = stopping.observe(report(VmStatus.RUNNING, 5, at(2)), at(3));

        assertThat(behind.outcome()).isEqualTo(Outcome.LAGGING);
        assertThat(behind.changed()).isFalse();
        assertThat(behind.vm()).isSameAs(stopping);
        assertThat(stopping.status()).isEqualTo(VmStatus.STOPPING);
    }

    @Test
    void aConfirmedDeletionMakesTheVmGone() {
        Vm deleting = settled(VmStatus.RUNNING, DesiredPower.RUNNING).apply(VmAction.DELETE, COMMANDS, at(1)).vm();

        Vm gone = deleting.observe(report(VmStatus.DELETED, 7, at(2)), at(2)).vm();

        assertThat(gone.isGone()).isTrue();
    }

    @Test
    void aVmBeingDeletedStaysDeletingWhileItsNodeStopsItAndNoActionRevokesTheDelete() {
        Vm deleting = settled(VmStatus.RUNNING, DesiredPower.RUNNING).apply(VmAction.DELETE, COMMANDS, at(1)).vm();

        // a delete stops the VM first: the node reports STOPPED at the delete's own generation (seen in the soak)
        Vm stoppedOnTheWay = deleting.observe(report(VmStatus.STOPPED, 7, at(2)), at(2)).vm();

        assertThat(stoppedOnTheWay.status()).isEqualTo(VmStatus.DELETING);
        assertThat(stoppedOnTheWay.desiredPower()).isEqualTo(DesiredPower.DELETED);
        for (VmAction action : new VmAction[] {VmAction.START, VmAction.STOP, VmAction.FORCE_STOP}) {
            assertThatThrownBy(() -> stoppedOnTheWay.apply(action, COMMANDS, at(3)))
                    .isInstanceOf(InvalidTransition.class);
        }
        assertThat(stoppedOnTheWay.observe(report(VmStatus.DELETED, 7, at(4)), at(4)).vm().isGone()).isTrue();
        // a node that cannot delete it says so: ERROR, from which a delete may be sent again
        assertThat(deleting.observe(new VmStatusChanged(VmStatus.ERROR, "disk busy", 7, at(2)), at(2)).vm().status())
                .isEqualTo(VmStatus.ERROR);
    }

    @Test
    void aNodeSayingAWantedVmIsDeletedPutsItInErrorInsteadOfDroppingIt() {
        Vm running = settled(VmStatus.RUNNING, DesiredPower.RUNNING);

        Vm vm = running.observe(report(VmStatus.DELETED, 5, at(2)), at(2)).vm();

        assertThat(vm.isGone()).isFalse();
        assertThat(vm.status()).isEqualTo(VmStatus.ERROR);
        assertThat(vm.statusReason()).contains(NODE).contains("deleted");
    }

    @Test
    void anUnplacedVmStaysPendingWhateverIsReported() {
        Vm pending = created(DesiredPower.RUNNING);

        Observation seen = pending.observe(report(VmStatus.RUNNING, 1, at(1)), at(1));

        assertThat(seen.outcome()).isEqualTo(Outcome.NOT_PLACED);
        assertThat(seen.vm().status()).isEqualTo(VmStatus.PENDING);
    }

    @Test
    void reportsInAnyOrderWithDuplicatesEndInTheSameState() {
        Vm placed = created(DesiredPower.RUNNING).placeOn(NODE, COMMANDS, at(0)).vm();
        List<VmStatusChanged> reports = List.of(
                report(VmStatus.STOPPED, 2, at(1)),
                report(VmStatus.STARTING, 3, at(2)),
                report(VmStatus.RUNNING, 3, at(3)),
                report(VmStatus.RUNNING, 3, at(3)));

        List<List<VmStatusChanged>> orders = permutations(reports);
        assertThat(orders).hasSize(24);
        for (List<VmStatusChanged> order : orders) {
            Vm vm = placed;
            for (VmStatusChanged report : order) {
                vm = vm.observe(report, at(9)).vm();
            }
            assertThat(vm.status()).as("after %s", order).isEqualTo(VmStatus.RUNNING);
            assertThat(vm.observedGeneration()).isEqualTo(3);
            assertThat(vm.observedAt()).isEqualTo(at(3));
        }
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T first = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                result.add(order);
            }
        }
        return result;
    }
}
