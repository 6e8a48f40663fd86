package io.voidvm.storage.volume.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.voidvm.contracts.volume.VolumeOperation;
import io.voidvm.contracts.volume.VolumeOrigin;
import io.voidvm.servicekit.awaiting.AwaitedAnswerMeters;
import io.voidvm.servicekit.awaiting.domain.AnswerPolicy;
import io.voidvm.servicekit.sweep.Sweeps;
import io.voidvm.storage.config.StorageProperties;
import io.voidvm.storage.pool.db.PoolRepository;
import io.voidvm.storage.pool.domain.Pool;
import io.voidvm.storage.volume.db.VolumeRepository;
import io.voidvm.storage.volume.domain.OverdueCheck;
import io.voidvm.storage.volume.domain.Volume;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Makes a volume's pending operation converge when its command or the node's report was lost (an agent that
 * crashed after recording a command's id but before doing the work never answers it). Every
 * {@code voidvm.storage.pending.check-interval} (a service-kit {@code PeriodicSweep}, {@link VolumeSweeps}) it
 * looks for volumes whose awaited command was sent more than {@code resend-after} ago and, under the volume's row
 * lock, lets the domain decide by the shared rule (service-kit's {@link AnswerPolicy}): send the command again,
 * built from the volume as it is now, under a new message id (so the agent's dedupe does not drop it), or give
 * up after {@code max-attempts}. The agent's handlers are idempotent, so a command that was only slow is
 * answered twice and the second report is ignored as stale. Several replicas may run this: a volume is locked
 * with {@code SKIP LOCKED} (one that a request, a report or another replica holds waits for the next pass) and
 * the decision is taken again under the lock, so one volume is never re-sent twice at once.
 */
@Component
public class AwaitedCommandResender {

    /** What one check did to one volume (NOT_SENT: the attempt counted, but its command could not be built). */
    public enum Result { RESENT, NOT_SENT, GAVE_UP, NOT_DUE }

    private static final Logger log = LoggerFactory.getLogger(AwaitedCommandResender.class);
    private static final int BATCH = 100;
    /** {@code voidvm.storage.volume.commands.awaited{result, operation}}: re-sends and give-ups, worth an alert. */
    static final String METER_SUBJECT = "storage.volume.commands";

    private final VolumeRepository volumes;
    private final PoolRepository pools;
    private final VolumeCommands commands;
    private final VmDiskAttachments attachments;
    private final ImageCatalog images;
    private final VolumeService service;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final AnswerPolicy policy;
    private final AwaitedAnswerMeters meters;

    AwaitedCommandResender(VolumeRepository volumes, PoolRepository pools, VolumeCommands commands,
                           VmDiskAttachments attachments, ImageCatalog images, VolumeService service,
                           TransactionalOperator transactions, Clock clock, StorageProperties properties,
                           MeterRegistry meters) {
        this.volumes = Objects.requireNonNull(volumes, "volumes");
        this.pools = Objects.requireNonNull(pools, "pools");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.attachments = Objects.requireNonNull(attachments, "attachments");
        this.images = Objects.requireNonNull(images, "images");
        this.service = Objects.requireNonNull(service, "service");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        StorageProperties.Pending pending = properties.pending();
        this.policy = new AnswerPolicy(pending.resendAfter(), pending.maxAttempts());
        this.meters = new AwaitedAnswerMeters(meters, METER_SUBJECT);
    }

    /** One pass over the overdue volumes; completes with how many were re-sent or given up on. */
    public Mono<Long> check() {
        // one volume's trouble must not stop the others
        return Sweeps.eachOnItsOwn(volumes.overdue(clock.instant().minus(policy.answerWithin()), BATCH),
                        this::converge,
                        (candidate, error) -> log.warn("volume {}: awaited {} not re-sent this time: {}",
                                candidate.id(), candidate.awaiting().operation(), error.toString()))
                .filter(result -> result != Result.NOT_DUE)
                .count();
    }

    private Mono<Result> converge(Volume candidate) {
        VolumeOperation operation = candidate.awaiting().operation();
        // looked up before the row lock is taken: a create from an image carries the image's hash and format
        return origin(candidate).flatMap(origin -> transactions.transactional(
                volumes.lockIfFree(candidate.id())
                        .flatMap(volume -> pools.find(volume.poolId())
                                .flatMap(pool -> decide(volume, pool, origin))))
                .defaultIfEmpty(Result.NOT_DUE))
                // after the commit: a given-up resize hands its gigabytes back
                .flatMap(result -> result == Result.GAVE_UP
                        ? service.reportUsage(candidate.tenantId()).thenReturn(result)
                        : Mono.just(result))
                .doOnNext(result -> count(result, operation));
    }

    private void count(Result result, VolumeOperation operation) {
        if (result != Result.NOT_DUE) {
            meters.count(result.name(), operation.name());
        }
    }

    /** @param origin empty when a create's image could not be described: the attempt counts but sends nothing */
    private Mono<Result> decide(Volume volume, Pool pool, Optional<VolumeOrigin> origin) {
        return switch (volume.overdue(clock.instant(), policy, pool.nodeName())) {
            case OverdueCheck.NotYet ignored -> Mono.just(Result.NOT_DUE);
            case OverdueCheck.Resend resend -> volumes.update(resend.volume()).flatMap(saved -> {
                if (origin.isEmpty()) {
                    return Mono.just(Result.NOT_SENT);
                }
                return send(saved, pool, origin.get())
                        .doOnSuccess(done -> log.info("volume {}: {} sent again to node {} (attempt {} of {})",
                                saved.id(), saved.awaiting().operation(), pool.nodeName(),
                                saved.awaiting().attempts(), policy.maxAttempts()))
                        .thenReturn(Result.RESENT);
            });
            case OverdueCheck.GaveUp gaveUp -> volumes.update(gaveUp.volume())
                    .doOnNext(saved -> log.warn("volume {}: gave up: {}", saved.id(), saved.statusReason()))
                    .thenReturn(Result.GAVE_UP);
        };
    }

    /** The same command the request sent, for the volume as it is now (its awaited operation decides which). */
    private Mono<Void> send(Volume volume, Pool pool, VolumeOrigin origin) {
        return switch (volume.awaiting().operation()) {
            case CREATE -> commands.create(volume, pool, origin);
            case RESIZE -> commands.resize(volume, pool);
            case DELETE -> commands.delete(volume, pool);
            case ATTACH -> attachments.attach(volume, pool);
            case DETACH -> attachments.detach(volume, pool);
        };
    }

    /**
     * What a create starts from. When image-service cannot describe the image (down, or the image is gone) the
     * attempt still counts, so a create that cannot be sent again is given up on like an unanswered one.
     */
    private Mono<Optional<VolumeOrigin>> origin(Volume volume) {
        if (volume.awaiting() == null || volume.awaiting().operation() != VolumeOperation.CREATE
                || volume.imageId() == null) {
            return Mono.just(Optional.of(new VolumeOrigin.Blank()));
        }
        return images.describe(volume.imageId())
                .<Optional<VolumeOrigin>>map(image -> Optional.of(new VolumeOrigin.FromImage(image.id(),
                        image.sha256(), image.diskFormat())))
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("image " + volume.imageId()
                        + " no longer exists")))
                .onErrorResume(error -> {
                    log.warn("volume {}: CreateVolume not sent again: image {} not described: {}", volume.id(),
                            volume.imageId(), error.toString());
                    return Mono.just(Optional.empty());
                });
    }
}
