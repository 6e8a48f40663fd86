package io.voidvm.vm.node.app;

import io.voidvm.vm.lifecycle.db.VmRepository;
import io.voidvm.vm.lifecycle.domain.Vm;
import io.voidvm.vm.node.domain.Node;
import java.time.Instant;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What a node's change of state does to its VMs, inside the transaction that changed the node: a lost node's VMs
 * become UNKNOWN with the reason, a node that is back tells its UNKNOWN VMs that it waits for their report.
 */
@Component
class NodeVms {

    private final VmRepository vms;

    NodeVms(VmRepository vms) {
        this.vms = Objects.requireNonNull(vms, "vms");
    }

    /** @return how many VMs became UNKNOWN */
    Mono<Long> lost(Node node, Instant now) {
        String reason = node.lostReason(now);
        return change(node, vm -> vm.nodeLost(reason, now));
    }

    /** @return how many UNKNOWN VMs now wait for the node's report */
    Mono<Long> back(Node node, Instant now) {
        String reason = node.backReason();
        return change(node, vm -> vm.nodeBack(reason, now));
    }

    private Mono<Long> change(Node node, UnaryOperator<Vm> change) {
        return vms.placedOnForUpdate(node.name())
                .concatMap(vm -> {
                    Vm changed = change.apply(vm);
                    return changed == vm ? Mono.<Vm>empty() : vms.update(changed);
                })
                .count();
    }
}
