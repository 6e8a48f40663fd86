package io.voidvm.vm.lifecycle.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.voidvm.servicekit.awaiting.AwaitedAnswerMeters;
import io.voidvm.servicekit.sweep.Sweeps;
import io.voidvm.servicekit.tenancy.domain.TenantScope;
import io.voidvm.vm.lifecycle.db.VmRepository;
import io.voidvm.vm.lifecycle.domain.Vm;
import io.voidvm.vm.operation.db.OperationRepository;
import io.voidvm.vm.operation.domain.Operation;
import io.voidvm.vm.operation.domain.OperationTimeouts;
import io.voidvm.vm.operation.domain.OperationTimeouts.TimedOut;
import io.voidvm.vm.vmlog.app.VmLog;
import io.voidvm.vm.vmlog.domain.VmLogEntry;
import io.voidvm.vm.vmlog.domain.VmLogKind;
import java.time.Instant;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Fails operations whose node did not answer by their deadline (ADR 0013). Each pass (a service-kit
 * {@code PeriodicSweep}, every {@code voidvm.vm.deadlines.check-interval}) reads the open operations past their
 * deadline and, per operation in its own transaction, locks the operation and then its VM with
 * {@code SKIP LOCKED} and lets the domain decide again ({@link OperationTimeouts}): the operation is FAILED with
 * {@code TIMED_OUT}, the VM keeps its status with a reason saying so, and the VM's log gets an entry
 * ({@link VmLogKind#OPERATION_TIMED_OUT}), all in that transaction. A row that a request, a node's report or
 * another replica holds is left to the next pass; never waiting for a lock, the sweep cannot deadlock with them.
 */
@Component
public class DeadlineSweep {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);
    private static final int BATCH = 100;
    /** {@code voidvm.vm.operations.awaited{result=timed_out, operation}}. */
    static final String METER_SUBJECT = "vm.operations";

    private final OperationRepository operations;
    private final VmRepository vms;
    private final VmLog vmLog;
    private final TransactionalOperator transactions;
    private final AwaitedAnswerMeters meters;
    private final Clock clock;

    DeadlineSweep(OperationRepository operations, VmRepository vms, VmLog vmLog, TransactionalOperator transactions,
                  MeterRegistry meters, Clock clock) {
        this.operations = Objects.requireNonNull(operations, "operations");
        this.vms = Objects.requireNonNull(vms, "vms");
        this.vmLog = Objects.requireNonNull(vmLog, "vmLog");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.meters = new AwaitedAnswerMeters(meters, METER_SUBJECT);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One pass; completes with how many operations timed out. */
    public Mono<Long> pass() {
        return Sweeps.eachOnItsOwn(operations.overdue(clock.instant(), BATCH), this::timeOut,
                        (candidate, error) -> log.warn("vm {}: operation {} not timed out this pass: {}",
                                candidate.vmId(), candidate.id(), error.toString()))
                .filter(Boolean::booleanValue)
                .count();
    }

    private Mono<Boolean> timeOut(Operation candidate) {
        return transactions.transactional(operations.lockIfFree(candidate.id())
                        .flatMap(op -> vmOf(op).flatMap(vm -> decide(op, vm.orElse(null)))))
                .defaultIfEmpty(false);
    }

    /** The VM locked, or empty when another transaction holds it; {@code Optional.empty()} when it is gone. */
    private Mono<Optional<Vm>> vmOf(Operation op) {
        return vms.lockIfFree(op.vmId()).map(Optional::of)
                .switchIfEmpty(Mono.defer(() -> vms.exists(TenantScope.allTenants(), op.vmId())
                        .flatMap(busy -> busy ? Mono.<Optional<Vm>>empty() : Mono.just(Optional.<Vm>empty()))));
    }

    private Mono<Boolean> decide(Operation op, Vm vm) {
        Instant now = clock.instant();
        Optional<TimedOut> timedOut = OperationTimeouts.check(op, vm, now);
        if (timedOut.isEmpty()) {
            return Mono.just(false);
        }
        TimedOut outcome = timedOut.get();
        String why = outcome.operation().problem().detail();
        Mono<?> vmStored = outcome.vm() == null ? Mono.empty() : vms.update(outcome.vm())
                .then(vmLog.record(outcome.vm(), VmLogKind.OPERATION_TIMED_OUT, outcome.vm().status(), why,
                        VmLogEntry.PLATFORM, now));
        return operations.update(outcome.operation())
                .then(vmStored)
                .then(Mono.fromRunnable(() -> {
                    log.warn("vm {}: operation {} ({}) timed out: {}", op.vmId(), op.id(), op.action(), why);
                    meters.count("timed_out", op.action().name());
                }))
                .thenReturn(true);
    }
}
