package io.voidvm.vm.lifecycle.app;

import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.vm.lifecycle.db.VmRepository;
import io.voidvm.vm.lifecycle.domain.DesiredPower;
import io.voidvm.vm.lifecycle.domain.Vm;
import io.voidvm.vm.lifecycle.domain.VmTransition;
import io.voidvm.vm.node.domain.NodeCapacityChanged;
import io.voidvm.vm.operation.db.OperationRepository;
import io.voidvm.vm.operation.domain.Operation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Places VMs left PENDING for want of a node once a node reports. Heartbeats arrive often, so passes are
 * coalesced: at most one runs, and a heartbeat during a pass asks for exactly one more. Each VM is placed in
 * its own transaction, so one failure does not hold the others back.
 */
@Component
public class PendingVmPlacer {

    private static final Logger log = LoggerFactory.getLogger(PendingVmPlacer.class);
    private static final int BATCH = 100;

    private final VmRepository vms;
    private final OperationRepository operations;
    private final OperationTracker tracker;
    private final NodeCommands nodeCommands;
    private final Placer placer;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    PendingVmPlacer(VmRepository vms, OperationRepository operations, OperationTracker tracker,
                    NodeCommands nodeCommands, Placer placer, TransactionalOperator transactions, Clock clock) {
        this.vms = vms;
        this.operations = operations;
        this.tracker = tracker;
        this.nodeCommands = nodeCommands;
        this.placer = placer;
        this.transactions = transactions;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @EventListener
    public void onCapacityChanged(NodeCapacityChanged event) {
        requestPass();
    }

    /** Starts a pass now, or right after the running one. */
    public void requestPass() {
        again.set(true);
        if (running.compareAndSet(false, true)) {
            runPasses();
        }
    }

    private void runPasses() {
        again.set(false);
        placeWaiting()
                .subscribeOn(Schedulers.boundedElastic())
                .doFinally(signal -> {
                    running.set(false);
                    if (again.get() && running.compareAndSet(false, true)) {
                        runPasses();
                    }
                })
                .subscribe(placed -> {
                    if (placed > 0) {
                        log.info("placed {} waiting VM(s)", placed);
                    }
                }, error -> log.warn("placing waiting VMs failed; the next heartbeat retries", error));
    }

    /** One pass over the oldest waiting VMs; emits how many were placed. */
    Mono<Long> placeWaiting() {
        return vms.unplaced(BATCH)
                .concatMap(id -> placeOne(id).onErrorResume(error -> {
                    log.warn("vm {}: placement failed", id, error);
                    return Mono.just(false);
                }))
                .filter(Boolean::booleanValue)
                .count()
                .timeout(Duration.ofMinutes(1));
    }

    private Mono<Boolean> placeOne(UUID id) {
        return transactions.transactional(vms.findForUpdate(id)
                .filter(vm -> vm.nodeName() == null && vm.status() == VmStatus.PENDING
                        && vm.desiredPower() != DesiredPower.DELETED)
                .flatMap(vm -> {
                    Instant now = clock.instant();
                    return placer.place(vm, now).flatMap(transition -> store(vm, transition, now));
                }))
                .defaultIfEmpty(false);
    }

    private Mono<Boolean> store(Vm before, VmTransition transition, Instant now) {
        if (transition.noOp()) {
            return Mono.just(false);
        }
        if (transition.vm().nodeName() == null) {
            return vms.update(transition.vm()).thenReturn(false);
        }
        // the commands answer the newest open request on the VM (its create, or a later start)
        return operations.openForUpdate(before.id()).map(Operation::id).last(before.id())
                .flatMap(correlation -> {
                    var addressed = nodeCommands.address(transition.vm(), transition.commands(), correlation);
                    return vms.update(transition.vm())
                            .flatMap(stored -> tracker.trackOpen(stored, now))
                            .then(nodeCommands.send(addressed))
                            .doOnSuccess(done -> log.info("vm {} placed on node {}", before.id(),
                                    transition.vm().nodeName()))
                            .thenReturn(true);
                });
    }
}
