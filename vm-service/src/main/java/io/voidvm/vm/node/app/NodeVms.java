package io.voidvm.vm.node.app;

import io.voidvm.vm.lifecycle.db.VmRepository;
import io.voidvm.vm.lifecycle.domain.Vm;
import io.voidvm.vm.node.domain.Node;
import io.voidvm.vm.vmlog.app.VmLog;
import io.voidvm.vm.vmlog.domain.VmLogEntry;
import io.voidvm.vm.vmlog.domain.VmLogKind;
import java.time.Instant;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What a node's change of state does to its VMs, inside the transaction that changed the node: a lost node's VMs
 * become UNKNOWN with the reason, a node that is back tells its UNKNOWN VMs that it waits for their report. Each
 * VM changed gets an entry in its log.
 */
@Component
class NodeVms {

    private final VmRepository vms;
    private final VmLog vmLog;

    NodeVms(VmRepository vms, VmLog vmLog) {
        this.vms = Objects.requireNonNull(vms, "vms");
        this.vmLog = Objects.requireNonNull(vmLog, "vmLog");
    }

    /** @return how many VMs became UNKNOWN */
    Mono<Long> lost(Node node, Instant now) {
        String reason = node.lostReason(now);
        return change(node, vm -> vm.nodeLost(reason, now), VmLogKind.NODE_LOST, now);
    }

    /** @return how many UNKNOWN VMs now wait for the node's report */
    Mono<Long> back(Node node, Instant now) {
        String reason = node.backReason();
        return change(node, vm -> vm.nodeBack(reason, now), VmLogKind.NODE_BACK, now);
    }

    private Mono<Long> change(Node node, UnaryOperator<Vm> change, VmLogKind kind, Instant now) {
        return vms.placedOnForUpdate(node.name())
                .concatMap(vm -> {
                    Vm changed = change.apply(vm);
                    return changed == vm ? Mono.<Vm>empty() : vms.update(changed)
                            .flatMap(stored -> vmLog.recordChange(vm, stored, kind, VmLogEntry.PLATFORM, now)
                                    .thenReturn(stored));
                })
                .count();
    }
}
