package io.voidvm.vm.lifecycle.app;

import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.envelope.MessageIds;
import io.voidvm.contracts.vm.command.VmCommand;
import io.voidvm.servicekit.paging.domain.CursorPage;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.problem.domain.NotFoundException;
import io.voidvm.servicekit.tenancy.domain.Caller;
import io.voidvm.vm.bootvolume.app.BootVolumeProvisioning;
import io.voidvm.vm.lifecycle.db.VmQuery;
import io.voidvm.vm.lifecycle.db.VmRepository;
import io.voidvm.vm.lifecycle.domain.DesiredPower;
import io.voidvm.vm.lifecycle.domain.NewVm;
import io.voidvm.vm.lifecycle.domain.Vm;
import io.voidvm.vm.lifecycle.domain.VmAction;
import io.voidvm.vm.lifecycle.domain.VmCommandFactory;
import io.voidvm.vm.lifecycle.domain.VmTransition;
import io.voidvm.vm.lifecycle.domain.VmUpdate;
import io.voidvm.vm.operation.db.OperationRepository;
import io.voidvm.vm.operation.domain.Operation;
import io.voidvm.vm.operation.domain.OperationAction;
import io.voidvm.vm.operation.domain.OperationDeadlines;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The VM use cases. Each write loads the VM under a row lock, lets the domain decide, and stores the VM, its
 * operation and the node commands (outbox) in one transaction: all of it happens, or none of it.
 */
@Service
public class VmLifecycleService {

    private static final Logger log = LoggerFactory.getLogger(VmLifecycleService.class);

    private final VmRepository vms;
    private final OperationRepository operations;
    private final OperationTracker tracker;
    private final NodeCommands nodeCommands;
    private final Placer placer;
    private final VmValidators validators;
    private final QuotaAdmission quotas;
    private final BootVolumeProvisioning bootVolumes;
    private final VmCommandFactory commandFactory;
    private final OperationDeadlines deadlines;
    private final TransactionalOperator transactions;
    private final MessageIds ids;
    private final Clock clock;

    VmLifecycleService(VmRepository vms, OperationRepository operations, OperationTracker tracker,
                       NodeCommands nodeCommands, Placer placer, VmValidators validators, QuotaAdmission quotas,
                       BootVolumeProvisioning bootVolumes, VmCommandFactory commandFactory,
                       OperationDeadlines deadlines, TransactionalOperator transactions, MessageIds ids,
                       Clock clock) {
        this.vms = vms;
        this.operations = operations;
        this.tracker = tracker;
        this.nodeCommands = nodeCommands;
        this.placer = placer;
        this.validators = validators;
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.bootVolumes = Objects.requireNonNull(bootVolumes, "bootVolumes");
        this.commandFactory = commandFactory;
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
        this.transactions = transactions;
        this.ids = ids;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Stores a new VM (STOPPED once defined), placed on a node if one fits, otherwise PENDING with the reason. The
     * tenant's quota is checked first; then a VM with an image gets its boot volume from storage-service (and may
     * only be placed on the volume's node); then the VM, its operation and its commands are stored in one
     * transaction. Over quota, or without a volume, nothing is written; should the transaction fail after the
     * volume was made, the volume is deleted again ({@link BootVolumeProvisioning}).
     */
    public Mono<Accepted> create(Caller caller, NewVm spec) {
        return validators.current().flatMap(validator -> {
            Instant now = clock.instant();
            Vm vm = Vm.create(ids.next(), caller.requireTenant(), spec, DesiredPower.STOPPED, validator, now);
            UUID operationId = ids.next();
            return quotas.admitNew(vm).then(bootVolumes.createWith(vm, withVolume -> transactions.transactional(
                    placer.place(withVolume, now).flatMap(placed -> {
                        var addressed = nodeCommands.address(placed.vm(), placed.commands(), operationId);
                        Operation op = Operation.open(operationId, OperationAction.CREATE, placed.vm(),
                                caller.subject(), NodeCommands.lastMessageId(addressed), deadlines, now);
                        return vms.insert(placed.vm())
                                .then(operations.insert(op))
                                .then(nodeCommands.send(addressed))
                                .thenReturn(new Accepted(placed.vm(), op));
                    }))))
                    .doOnNext(accepted -> {
                        log.info("vm {} created by {} on node {} (operation {}{})", vm.id(), caller.subject(),
                                accepted.vm().nodeName(), operationId, accepted.vm().bootVolume() == null ? ""
                                        : ", boot volume " + accepted.vm().bootVolume().volumeId());
                        quotas.reportLater(vm.tenantId());
                    });
        });
    }

    public Mono<Vm> get(Caller caller, UUID id) {
        return vms.find(caller.scope(), id).switchIfEmpty(notFound(id));
    }

    public Mono<CursorPage<Vm>> list(Caller caller, VmQuery query, PageRequest page) {
        return vms.list(caller.scope(), query, page).collectList()
                .map(rows -> CursorPage.of(rows, page, vm -> VmRepository.cursorAfter(vm, query.sort())));
    }

    /** A power action or delete; always answered with an operation, already SUCCEEDED when nothing is left to do. */
    public Mono<Accepted> act(Caller caller, UUID id, VmAction action, VersionPrecondition precondition) {
        if (action == VmAction.UPDATE) {
            throw new IllegalArgumentException("use update(...) for UPDATE");
        }
        return transactions.transactional(vms.findForUpdate(caller.scope(), id).switchIfEmpty(notFound(id))
                .flatMap(vm -> {
                    precondition.check(vm);
                    Instant now = clock.instant();
                    VmTransition transition = vm.apply(action, commandFactory, now);
                    return record(caller, vm, transition, OperationAction.of(action), now);
                })).doOnNext(accepted -> {
                    if (action == VmAction.DELETE) {
                        quotas.reportLater(accepted.vm().tenantId());
                    }
                });
    }

    /** Changes name, description, CPU or memory; returns the VM as stored. More CPU or memory must fit the quota. */
    public Mono<Vm> update(Caller caller, UUID id, VmUpdate update, VersionPrecondition precondition) {
        return validators.current().flatMap(validator -> transactions.transactional(
                vms.findForUpdate(caller.scope(), id).switchIfEmpty(notFound(id)).flatMap(vm -> {
                    precondition.check(vm);
                    Instant now = clock.instant();
                    VmTransition transition = vm.update(update, validator, commandFactory, now);
                    if (transition.noOp()) {
                        return Mono.just(vm);
                    }
                    return quotas.admitGrowth(vm, transition.vm())
                            .then(record(caller, vm, transition, OperationAction.UPDATE, now).map(Accepted::vm));
                }))).doOnNext(stored -> quotas.reportLater(stored.tenantId()));
    }

    private Mono<Accepted> record(Caller caller, Vm before, VmTransition transition, OperationAction action,
                                  Instant now) {
        UUID operationId = ids.next();
        List<MessageEnvelope<VmCommand>> addressed =
                nodeCommands.address(transition.vm(), transition.commands(), operationId);
        Operation op = Operation.open(operationId, action, transition.vm(), caller.subject(),
                NodeCommands.lastMessageId(addressed), deadlines, now);
        Mono<Vm> stored;
        if (transition.noOp()) {
            stored = Mono.just(before);
        } else if (transition.vm().isGone()) {
            stored = vms.delete(before).thenReturn(transition.vm());
        } else {
            stored = vms.update(transition.vm());
        }
        // the new operation is inserted after the others are tracked, so it is not re-evaluated against itself
        return stored.flatMap(vm -> tracker.trackOpen(vm, now)
                .then(operations.insert(op))
                .then(nodeCommands.send(addressed))
                .thenReturn(new Accepted(vm, op)))
                .doOnNext(accepted -> log.info("vm {}: {} by {} -> {} (operation {}, {} command(s))", before.id(),
                        action, caller.subject(), accepted.vm().status(), operationId, addressed.size()));
    }

    private static <T> Mono<T> notFound(UUID id) {
        return Mono.error(() -> new NotFoundException("VM", id));
    }
}
