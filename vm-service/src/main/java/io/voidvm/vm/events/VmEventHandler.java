package io.voidvm.vm.events;

import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.vm.event.CommandResult;
import io.voidvm.contracts.vm.event.SnapshotEvent;
import io.voidvm.contracts.vm.event.VmEvent;
import io.voidvm.contracts.vm.event.VmStatusChanged;
import io.voidvm.vm.operation.db.OperationRepository;
import io.voidvm.vm.operation.domain.Operation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Applies one VM event in one transaction: the message id, the VM's observed state and the operations it
 * finishes commit together. Whether a report is news is the domain's call ({@code Vm.observe}, through
 * {@link StatusIntake}), by generation and time, so duplicates and reordered reports leave the VM as it was. A
 * change that carries a reason (a crash, a restart by policy, a forced stop) is also an entry in the VM's log, in
 * the same transaction.
 */
@Service
public class VmEventHandler {

    /** What became of an event; worth a log line and handy in tests. */
    public enum Result { APPLIED, IGNORED, DUPLICATE }

    private static final Logger log = LoggerFactory.getLogger(VmEventHandler.class);
    private static final Duration DEDUPE_RETENTION = Duration.ofDays(7);

    private final ProcessedMessages processed;
    private final StatusIntake statuses;
    private final OperationRepository operations;
    private final TransactionalOperator transactions;
    private final Clock clock;

    VmEventHandler(ProcessedMessages processed, StatusIntake statuses, OperationRepository operations,
                   TransactionalOperator transactions, Clock clock) {
        this.processed = processed;
        this.statuses = statuses;
        this.operations = operations;
        this.transactions = transactions;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Mono<Result> handle(MessageEnvelope<VmEvent> event) {
        return transactions.transactional(processed.markProcessed(event.messageId())
                .flatMap(first -> first ? apply(event) : Mono.just(Result.DUPLICATE)));
    }

    private Mono<Result> apply(MessageEnvelope<VmEvent> event) {
        Instant now = clock.instant();
        return switch (event.payload()) {
            case VmStatusChanged report -> observe(event, report, now);
            case CommandResult result -> finish(event, result, now);
            // snapshots are not modelled yet; the operation closes through its CommandResult
            case SnapshotEvent snapshot -> Mono.just(Result.IGNORED);
        };
    }

    private Mono<Result> observe(MessageEnvelope<VmEvent> event, VmStatusChanged report, Instant now) {
        return statuses.take(event.vmId(), event.nodeName(), report, StatusIntake.Source.EVENT, now)
                .map(taken -> taken.applied() ? Result.APPLIED : Result.IGNORED);
    }

    private Mono<Result> finish(MessageEnvelope<VmEvent> event, CommandResult result, Instant now) {
        if (event.correlationId() == null) {
            return Mono.just(Result.IGNORED);
        }
        return operations.findForUpdate(event.correlationId())
                .filter(op -> op.vmId().equals(event.vmId()))
                .flatMap(op -> {
                    Operation next = op.onCommandResult(result, now);
                    if (next.equals(op)) {
                        return Mono.just(Result.IGNORED);
                    }
                    if (next.problem() != null) {
                        log.info("vm {}: operation {} failed on the node: {}", op.vmId(), op.id(),
                                next.problem().code());
                    }
                    return operations.update(next).thenReturn(Result.APPLIED);
                })
                .defaultIfEmpty(Result.IGNORED);
    }

    /** Forgets message ids older than the dedupe window (a periodic sweep, {@link EventSweeps}). */
    Mono<Long> purgeProcessedIds() {
        return processed.purgeOlderThan(DEDUPE_RETENTION)
                .doOnNext(purged -> log.debug("forgot {} processed message ids", purged));
    }
}
