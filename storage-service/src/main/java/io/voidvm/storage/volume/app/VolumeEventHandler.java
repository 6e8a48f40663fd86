package io.voidvm.storage.volume.app;

import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.volume.VolumeEvent;
import io.voidvm.servicekit.tenancy.domain.TenantScope;
import io.voidvm.storage.pool.db.PoolRepository;
import io.voidvm.storage.volume.db.ProcessedMessages;
import io.voidvm.storage.volume.db.VolumeRepository;
import io.voidvm.storage.volume.domain.EventOutcome;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Applies one VolumeEvent in one transaction: the message id and the volume's new state commit together, so a
 * redelivered event finds its id and changes nothing. Whether a report fits the volume is the domain's call.
 */
@Service
public class VolumeEventHandler {

    /** What became of an event; worth a log line and handy in tests. */
    public enum Result { APPLIED, REMOVED, IGNORED, DUPLICATE }

    private static final Logger log = LoggerFactory.getLogger(VolumeEventHandler.class);
    private static final Duration DEDUPE_RETENTION = Duration.ofDays(7);

    private final ProcessedMessages processed;
    private final VolumeRepository volumes;
    private final PoolRepository pools;
    private final VolumeService service;
    private final TransactionalOperator transactions;
    private final Clock clock;

    VolumeEventHandler(ProcessedMessages processed, VolumeRepository volumes, PoolRepository pools,
                       VolumeService service, TransactionalOperator transactions, Clock clock) {
        this.processed = Objects.requireNonNull(processed, "processed");
        this.volumes = Objects.requireNonNull(volumes, "volumes");
        this.pools = Objects.requireNonNull(pools, "pools");
        this.service = Objects.requireNonNull(service, "service");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Mono<Result> handle(MessageEnvelope<VolumeEvent> envelope) {
        VolumeEvent event = envelope.payload();
        return transactions.transactional(processed.markProcessed(envelope.messageId())
                        .flatMap(first -> first ? apply(envelope) : Mono.just(new Applied(Result.DUPLICATE, null))))
                .flatMap(applied -> applied.result() == Result.REMOVED
                        ? service.reportUsage(applied.tenantId()).thenReturn(applied.result())
                        : Mono.just(applied.result()))
                .doOnNext(result -> log.debug("volume {}: {} {} from node {}: {}", event.volumeId(),
                        event.operation(), event.outcome(), envelope.nodeName(), result));
    }

    private Mono<Applied> apply(MessageEnvelope<VolumeEvent> envelope) {
        VolumeEvent event = envelope.payload();
        return volumes.findForUpdate(TenantScope.allTenants(), event.volumeId())
                .filterWhen(volume -> pools.find(volume.poolId()).map(pool -> {
                    // only the agent that holds the pool speaks for its volumes
                    boolean fromPoolNode = pool.nodeName().equals(envelope.nodeName());
                    if (!fromPoolNode) {
                        log.warn("volume {}: ignoring {} {} from node {}, the pool is on {}", volume.id(),
                                event.operation(), event.outcome(), envelope.nodeName(), pool.nodeName());
                    }
                    return fromPoolNode;
                }))
                .flatMap(volume -> switch (volume.apply(event, clock.instant())) {
                    case EventOutcome.Updated updated -> {
                        if (updated.volume().statusReason() != null) {
                            log.info("volume {}: {} {}", volume.id(), updated.volume().status(),
                                    updated.volume().statusReason());
                        }
                        yield volumes.update(updated.volume()).thenReturn(new Applied(Result.APPLIED, null));
                    }
                    case EventOutcome.Removed removed -> volumes.delete(volume.id())
                            .thenReturn(new Applied(Result.REMOVED, volume.tenantId()));
                    case EventOutcome.Ignored ignored -> {
                        log.info("volume {}: ignored: {}", volume.id(), ignored.why());
                        yield Mono.just(new Applied(Result.IGNORED, null));
                    }
                })
                .defaultIfEmpty(new Applied(Result.IGNORED, null));
    }

    /** Forgets message ids older than the dedupe window (a {@link VolumeSweeps} sweep). */
    Mono<Long> purgeProcessedIds() {
        return processed.purgeOlderThan(DEDUPE_RETENTION)
                .doOnNext(purged -> log.debug("forgot {} processed message ids", purged));
    }

    private record Applied(Result result, String tenantId) {
    }
}
