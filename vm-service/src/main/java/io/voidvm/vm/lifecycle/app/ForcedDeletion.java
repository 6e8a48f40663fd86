package io.voidvm.vm.lifecycle.app;

import io.voidvm.contracts.envelope.MessageIds;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.servicekit.problem.domain.ConflictException;
import io.voidvm.servicekit.problem.domain.NotFoundException;
import io.voidvm.servicekit.tenancy.domain.Caller;
import io.voidvm.servicekit.tenancy.domain.TenantScope;
import io.voidvm.vm.lifecycle.db.VmRepository;
import io.voidvm.vm.lifecycle.domain.Vm;
import io.voidvm.vm.node.db.NodeRepository;
import io.voidvm.vm.node.domain.Node;
import io.voidvm.vm.node.domain.NodeState;
import io.voidvm.vm.operation.db.OperationRepository;
import io.voidvm.vm.operation.domain.Operation;
import io.voidvm.vm.operation.domain.OperationAction;
import io.voidvm.vm.operation.domain.OperationDeadlines;
import io.voidvm.vm.vmlog.app.VmLog;
import io.voidvm.vm.vmlog.domain.VmLogEntry;
import io.voidvm.vm.vmlog.domain.VmLogKind;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * {@code DELETE /api/v1/vms/{id}?force=true} (ADR 0012): an admin removes a VM whose node is lost, at once. In one
 * transaction the row goes (its boot volume queued for deletion, as any delete does), its open operations end,
 * a FORCE_DELETE operation, already SUCCEEDED, and an entry in the VM's log record it; then the tenant's usage goes
 * to the quota owner.
 * Nothing is sent to the node: it cannot hear, and when it comes back the VM is missing from its desired state,
 * so its stray QEMU and disks are its own to remove. A VM on a READY node is refused: a normal delete works
 * there, and removing the row would leave a QEMU the platform no longer counts.
 */
@Service
public class ForcedDeletion {

    private static final Logger log = LoggerFactory.getLogger(ForcedDeletion.class);

    private final VmRepository vms;
    private final NodeRepository nodes;
    private final OperationRepository operations;
    private final OperationTracker tracker;
    private final QuotaAdmission quotas;
    private final OperationDeadlines deadlines;
    private final VmLog vmLog;
    private final TransactionalOperator transactions;
    private final MessageIds ids;
    private final Clock clock;

    ForcedDeletion(VmRepository vms, NodeRepository nodes, OperationRepository operations, OperationTracker tracker,
                   QuotaAdmission quotas, OperationDeadlines deadlines, VmLog vmLog,
                   TransactionalOperator transactions, MessageIds ids, Clock clock) {
        this.vms = Objects.requireNonNull(vms, "vms");
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.operations = Objects.requireNonNull(operations, "operations");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
        this.vmLog = Objects.requireNonNull(vmLog, "vmLog");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Mono<Accepted> delete(Caller caller, UUID id, VersionPrecondition precondition) {
        return Mono.fromSupplier(() -> caller.requireAdmin("a forced delete"))
                .then(vms.find(TenantScope.allTenants(), id))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("VM", id)))
                // the node first, then the VM: the liveness sweep locks in that order too
                .flatMap(seen -> transactions.transactional(lockNode(seen.nodeName())
                        .flatMap(node -> vms.findForUpdate(id)
                                .switchIfEmpty(Mono.error(() -> new NotFoundException("VM", id)))
                                .flatMap(vm -> remove(caller, vm, node, precondition)))))
                .doOnNext(accepted -> quotas.reportLater(accepted.vm().tenantId()));
    }

    private Mono<Optional<Node>> lockNode(String nodeName) {
        return nodeName == null ? Mono.just(Optional.empty())
                : nodes.findForShare(nodeName).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    private Mono<Accepted> remove(Caller caller, Vm vm, Optional<Node> node, VersionPrecondition precondition) {
        precondition.check(vm);
        if (!Objects.equals(vm.nodeName(), node.map(Node::name).orElse(null))) {
            return Mono.error(new ConflictException("VM " + vm.id() + " was placed meanwhile; try again"));
        }
        if (node.isPresent() && node.get().state() == NodeState.READY) {
            return Mono.error(new ConflictException("node " + vm.nodeName() + " is READY: delete the VM without"
                    + " force, and the node removes it; a forced delete is for VMs of a node that is lost",
                    NodeState.READY.name()));
        }
        Instant now = clock.instant();
        Vm gone = vm.forceDeleted(now);
        Operation op = Operation.open(ids.next(), OperationAction.FORCE_DELETE, gone, caller.subject(), null,
                deadlines, now);
        String why = "deleted by force by " + caller.subject() + ": " + node.map(n -> "node " + n.name()
                + " is " + n.state()).orElse(vm.nodeName() == null ? "it was on no node" : "node " + vm.nodeName()
                + " is unknown");
        return vms.delete(vm)
                .then(tracker.trackOpen(gone, now))
                .then(operations.insert(op))
                .then(vmLog.record(gone, VmLogKind.FORCE_DELETED, VmStatus.DELETED, why, VmLogEntry.PLATFORM, now))
                .thenReturn(new Accepted(gone, op))
                .doOnNext(accepted -> log.warn("vm {} of tenant {} deleted by force by {} (node {}, operation {})",
                        vm.id(), vm.tenantId(), caller.subject(), vm.nodeName(), op.id()));
    }
}
