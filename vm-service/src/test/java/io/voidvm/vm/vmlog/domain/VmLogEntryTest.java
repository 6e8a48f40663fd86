package io.voidvm.vm.vmlog.domain;

import static io.voidvm.vm.lifecycle.domain.TestVms.at;
import static io.voidvm.vm.lifecycle.domain.TestVms.report;
import static io.voidvm.vm.lifecycle.domain.TestVms.settled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.contracts.vm.event.VmStatusChanged;
import io.voidvm.vm.lifecycle.domain.DesiredPower;
import io.voidvm.vm.lifecycle.domain.Vm;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VmLogEntryTest {

    private static final UUID ID = UUID.fromString("0190a000-0000-7000-8000-000000000001");

    @Test
    void aStatusChangeWithAReasonIsAnEntryAboutTheVmAfterIt() {
        Vm running = settled(VmStatus.RUNNING, DesiredPower.RUNNING);
        Vm crashed = observe(running, new VmStatusChanged(VmStatus.ERROR, "qemu exited: killed by signal 9", 5, at(3)));

        VmLogEntry entry = VmLogEntry.forChange(ID, running, crashed, VmLogKind.NODE_REPORT,
                VmLogEntry.node("node-a"), at(3)).orElseThrow();

        assertThat(entry).isEqualTo(new VmLogEntry(ID, running.tenantId(), running.id(), at(3),
                VmLogKind.NODE_REPORT, VmStatus.ERROR, "qemu exited: killed by signal 9", "node:node-a"));
    }

    @Test
    void aNewReasonForTheSameStatusIsAnEntryToo() {
        Vm crashed = observe(settled(VmStatus.RUNNING, DesiredPower.RUNNING),
                new VmStatusChanged(VmStatus.STARTING, "restarted by restart policy ALWAYS", 5, at(1)));
        Vm again = observe(crashed, new VmStatusChanged(VmStatus.STARTING, "restarted again", 5, at(2)));

        assertThat(VmLogEntry.forChange(ID, crashed, again, VmLogKind.NODE_REPORT, "node:node-a", at(2)))
                .get().extracting(VmLogEntry::reason).isEqualTo("restarted again");
    }

    @Test
    void aChangeWithoutAReasonOrNoChangeAtAllIsNoEntry() {
        Vm starting = settled(VmStatus.STARTING, DesiredPower.RUNNING);
        Vm running = observe(starting, report(VmStatus.RUNNING, 5, at(1)));
        Vm explained = observe(starting, new VmStatusChanged(VmStatus.ERROR, "guest panicked", 5, at(1)));

        assertThat(VmLogEntry.forChange(ID, starting, running, VmLogKind.NODE_REPORT, "node:node-a", at(1)))
                .isEmpty();
        assertThat(VmLogEntry.forChange(ID, explained, explained, VmLogKind.NODE_REPORT, "node:node-a", at(1)))
                .isEmpty();
    }

    @Test
    void anEntryNeedsAReasonAndOneVm() {
        Vm vm = settled(VmStatus.RUNNING, DesiredPower.RUNNING);
        assertThatThrownBy(() -> new VmLogEntry(ID, "acme", vm.id(), at(0), VmLogKind.NODE_REPORT, VmStatus.RUNNING,
                " ", VmLogEntry.PLATFORM)).isInstanceOf(IllegalArgumentException.class);
        Vm other = settled(VmStatus.RUNNING, DesiredPower.RUNNING);
        assertThatThrownBy(() -> VmLogEntry.forChange(ID, vm, other, VmLogKind.NODE_REPORT, "platform", at(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Vm observe(Vm vm, VmStatusChanged report) {
        var observation = vm.observe(report, report.observedAt());
        assertThat(observation.changed()).as("report %s applies", report).isTrue();
        return observation.vm();
    }
}
