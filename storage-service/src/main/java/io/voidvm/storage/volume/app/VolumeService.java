package io.voidvm.storage.volume.app;

import io.voidvm.contracts.DnsLabel;
import io.voidvm.contracts.envelope.MessageIds;
import io.voidvm.contracts.volume.VolumeOrigin;
import io.voidvm.servicekit.paging.domain.CursorPage;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import io.voidvm.servicekit.problem.domain.NotFoundException;
import io.voidvm.servicekit.tenancy.domain.Caller;
import io.voidvm.servicekit.tenancy.domain.TenantScope;
import io.voidvm.storage.config.StorageProperties;
import io.voidvm.storage.pool.db.PoolRepository;
import io.voidvm.storage.pool.domain.Pool;
import io.voidvm.storage.volume.db.IdempotencyKeys;
import io.voidvm.storage.volume.db.VolumeRepository;
import io.voidvm.storage.volume.domain.IdempotencyKey;
import io.voidvm.storage.volume.domain.ImageFacts;
import io.voidvm.storage.volume.domain.NewVolume;
import io.voidvm.storage.volume.domain.Volume;
import io.voidvm.storage.volume.domain.VolumeSizes;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Volume requests. Checks that need other services (image, VM, quota) run first; then one transaction locks the
 * pool and the volume, applies the domain rule, stores the volume and appends the node command, so a command is
 * published exactly when its state change commits.
 */
@Service
public class VolumeService {

    private static final Logger log = LoggerFactory.getLogger(VolumeService.class);
    private static final Duration KEY_RETENTION = Duration.ofHours(24);

    private final VolumeRepository volumes;
    private final IdempotencyKeys keys;
    private final PoolRepository pools;
    private final VolumeCommands commands;
    private final VmDiskAttachments attachments;
    private final ImageCatalog images;
    private final VmDirectory vms;
    private final TenantQuota quota;
    private final TransactionalOperator transactions;
    private final MessageIds ids;
    private final Clock clock;
    private final StorageProperties properties;

    VolumeService(VolumeRepository volumes, IdempotencyKeys keys, PoolRepository pools, VolumeCommands commands,
                  VmDiskAttachments attachments, ImageCatalog images, VmDirectory vms, TenantQuota quota,
                  TransactionalOperator transactions, MessageIds ids, Clock clock, StorageProperties properties) {
        this.volumes = Objects.requireNonNull(volumes, "volumes");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.pools = Objects.requireNonNull(pools, "pools");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.attachments = Objects.requireNonNull(attachments, "attachments");
        this.images = Objects.requireNonNull(images, "images");
        this.vms = Objects.requireNonNull(vms, "vms");
        this.quota = Objects.requireNonNull(quota, "quota");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.properties = Objects.requireNonNull(properties, "properties");
    }

    public Mono<CursorPage<Volume>> list(Caller caller, UUID poolId, PageRequest page) {
        return pool(poolId).flatMap(pool -> volumes.list(caller.scope(), poolId, page));
    }

    public Mono<Volume> get(Caller caller, UUID poolId, UUID id) {
        return volumes.find(caller.scope(), poolId, id)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("volume", id)));
    }

    /** A new volume, or the one an earlier request with the same {@code Idempotency-Key} made. */
    public record Created(Volume volume, boolean replayed) {
    }

    /**
     * A volume in the caller's tenant. With a key, the key's row is written in the volume's transaction; a
     * concurrent request with the same key rolls back and answers the first one's volume.
     *
     * @param key null without an {@code Idempotency-Key}
     */
    public Mono<Created> create(Caller caller, UUID poolId, NewVolume spec, IdempotencyKey key) {
        return Mono.fromSupplier(caller::requireTenant).flatMap(tenant -> {
            Mono<Created> fresh = pool(poolId).flatMap(pool -> allocate(tenant, pool, spec, key))
                    .map(volume -> new Created(volume, false));
            if (key == null) {
                return fresh;
            }
            Mono<Created> earlier = keys.find(tenant, key.value()).flatMap(use -> replay(caller, poolId, key, use));
            return earlier.switchIfEmpty(fresh.onErrorResume(KeyTakenMeanwhile.class, raced ->
                    keys.find(tenant, key.value()).flatMap(use -> replay(caller, poolId, key, use))));
        });
    }

    private Mono<Created> replay(Caller caller, UUID poolId, IdempotencyKey key, IdempotencyKeys.Use use) {
        if (!key.sameRequest(use.requestHash())) {
            return Mono.error(new IdempotencyKeyReusedException());
        }
        return get(caller, poolId, use.volumeId()).map(volume -> new Created(volume, true));
    }

    /**
     * A volume made on a tenant's behalf by a platform caller (vm-service's boot volumes). A retry for the same VM
     * (same tenant, pool, name and {@code vmId}) answers the volume the first call made instead of a conflict.
     */
    public Mono<Volume> createFor(Caller caller, String tenantId, UUID poolId, NewVolume spec) {
        return Mono.fromRunnable(() -> requirePlatform(caller))
                .then(Mono.defer(() -> poolId != null ? pool(poolId) : defaultPool()))
                .flatMap(pool -> {
                    Mono<Volume> earlier = spec.ownerVmId() == null ? Mono.empty()
                            : volumes.findByName(tenantId, pool.id(), spec.name())
                                    .filter(found -> spec.ownerVmId().equals(found.ownerVmId()));
                    return earlier.switchIfEmpty(Mono.defer(() -> allocate(tenantId, pool, spec, null)));
                });
    }

    /** The pool a volume lives in (its node and directory, for platform callers that place VMs). */
    public Mono<Pool> poolOf(Volume volume) {
        return pool(volume.poolId());
    }

    public Mono<Volume> resize(Caller caller, UUID poolId, UUID id, long newSizeGb) {
        return get(caller, poolId, id).flatMap(current -> {
            VolumeSizes.requireWithin(newSizeGb, properties.maxVolumeSizeGb());
            long moreGb = current.resizeTo(newSizeGb, clock.instant()).sizeGb() - current.sizeGb();
            return quota.requireRoom(current.tenantId(), moreGb)
                    .then(transactions.transactional(locked(caller.scope(), id).flatMap(volume -> {
                        Volume grown = volume.resizeTo(newSizeGb, clock.instant());
                        return pools.findForUpdate(volume.poolId()).flatMap(pool -> {
                            pool.requireRoom(grown.sizeGb() - volume.sizeGb());
                            return volumes.update(grown).flatMap(saved -> commands.resize(saved, pool)
                                    .thenReturn(saved));
                        });
                    })))
                    .flatMap(saved -> reportUsage(saved.tenantId()).thenReturn(saved))
                    .doOnNext(saved -> log.info("volume {}: resize to {} GiB requested{}", id, newSizeGb,
                            saved.attachedVmId() == null ? "" : " (online, VM " + saved.attachedVmId() + ")"));
        });
    }

    public Mono<Volume> delete(Caller caller, UUID poolId, UUID id) {
        return get(caller, poolId, id).flatMap(found -> deleteLocked(caller.scope(), id));
    }

    /** Deletes any tenant's volume for a platform caller (vm-service removing a VM's boot volume). */
    public Mono<Volume> deleteFor(Caller caller, UUID id) {
        return Mono.fromRunnable(() -> requirePlatform(caller)).then(deleteLocked(TenantScope.allTenants(), id));
    }

    public Mono<Volume> attach(Caller caller, UUID poolId, UUID id, UUID vmId, String requestedDiskId) {
        if (vmId == null) {
            return Mono.error(new InvalidRequestException("vmId", "is required"));
        }
        if (requestedDiskId != null && !DnsLabel.isValid(requestedDiskId)) {
            return Mono.error(new InvalidRequestException("diskId",
                    "must be a DNS label (1-63 of a-z, 0-9, '-', not starting or ending with '-')"));
        }
        return get(caller, poolId, id).flatMap(volume -> vms.find(vmId)
                .filter(vm -> vm.tenantId() == null || vm.tenantId().equals(volume.tenantId()))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("vm", vmId)))
                .flatMap(vm -> transactions.transactional(locked(caller.scope(), id).flatMap(current ->
                        pools.find(current.poolId()).flatMap(pool -> {
                            vm.requireOnNode(pool.nodeName());
                            String diskId = requestedDiskId != null ? requestedDiskId : current.defaultDiskId();
                            return volumes.update(current.attaching(vmId, diskId, clock.instant()))
                                    .flatMap(saved -> attachments.attach(saved, pool).thenReturn(saved));
                        })))))
                .doOnNext(saved -> log.info("volume {}: attaching to VM {} as disk {}", id, vmId, saved.diskId()));
    }

    public Mono<Volume> detach(Caller caller, UUID poolId, UUID id) {
        return get(caller, poolId, id).flatMap(found -> transactions.transactional(locked(caller.scope(), id)
                .flatMap(current -> pools.find(current.poolId()).flatMap(pool ->
                        volumes.update(current.detaching(clock.instant()))
                                .flatMap(saved -> attachments.detach(saved, pool).thenReturn(saved))))))
                .doOnNext(saved -> log.info("volume {}: detaching from VM {}", id, saved.attachedVmId()));
    }

    /** Volumes made from the image (platform callers: image-service before deleting an image). */
    public Flux<Volume> dependentsOf(Caller caller, UUID imageId) {
        return Mono.fromRunnable(() -> requirePlatform(caller)).thenMany(volumes.dependentsOf(imageId));
    }

    private Mono<Volume> allocate(String tenant, Pool pool, NewVolume spec, IdempotencyKey key) {
        Mono<ImageFacts> image = spec.imageId() == null ? Mono.empty() : images.describe(spec.imageId())
                .switchIfEmpty(Mono.error(() -> new InvalidRequestException("imageId",
                        "image " + spec.imageId() + " does not exist")));
        return image.map(facts -> {
                    var format = facts.requireUsableBy(tenant);
                    long size = VolumeSizes.forNewVolume(spec.sizeGb(), facts.virtualSizeBytes(),
                            properties.maxVolumeSizeGb());
                    return new Plan(size, new VolumeOrigin.FromImage(facts.id(), facts.sha256(), format));
                })
                .switchIfEmpty(Mono.fromSupplier(() -> new Plan(VolumeSizes.forNewVolume(spec.sizeGb(), null,
                        properties.maxVolumeSizeGb()), new VolumeOrigin.Blank())))
                .flatMap(plan -> quota.requireRoom(tenant, plan.sizeGb())
                        .then(transactions.transactional(pools.findForUpdate(pool.id()).flatMap(locked -> {
                            locked.requireRoom(plan.sizeGb());
                            Volume volume = Volume.create(ids.next(), tenant, locked.id(), spec, plan.sizeGb(),
                                    clock.instant());
                            // the key first: a concurrent retry waits on the key, not on the volume's name
                            return remember(tenant, key, volume).flatMap(volumes::insert)
                                    .flatMap(saved -> commands.create(saved, locked, plan.origin()).thenReturn(saved));
                        }))))
                .flatMap(saved -> reportUsage(tenant).thenReturn(saved))
                .doOnNext(saved -> log.info("volume {}: {} GiB in pool {} for tenant {}{}", saved.id(),
                        saved.sizeGb(), pool.name(), tenant,
                        saved.imageId() == null ? "" : " from image " + saved.imageId()));
    }

    private Mono<Volume> remember(String tenant, IdempotencyKey key, Volume volume) {
        if (key == null) {
            return Mono.just(volume);
        }
        return keys.insert(tenant, key.value(), key.requestHash(), volume.id())
                .flatMap(inserted -> inserted ? Mono.just(volume) : Mono.error(new KeyTakenMeanwhile()));
    }

    /** Forgets idempotency keys older than their retention (a {@link VolumeSweeps} sweep). */
    Mono<Long> purgeIdempotencyKeys() {
        return keys.purgeOlderThan(KEY_RETENTION).doOnNext(purged -> log.debug("purged {} idempotency keys", purged));
    }

    private Mono<Volume> deleteLocked(TenantScope scope, UUID id) {
        return transactions.transactional(locked(scope, id).flatMap(current -> {
            Volume deleting = current.deleting(clock.instant());
            if (deleting == current) {
                return Mono.just(current);
            }
            return pools.find(current.poolId()).flatMap(pool -> volumes.update(deleting)
                    .flatMap(saved -> commands.delete(saved, pool).thenReturn(saved)));
        })).doOnNext(saved -> log.info("volume {}: delete requested", id));
    }

    private Mono<Volume> locked(TenantScope scope, UUID id) {
        return volumes.findForUpdate(scope, id).switchIfEmpty(Mono.error(() -> new NotFoundException("volume", id)));
    }

    private Mono<Pool> pool(UUID poolId) {
        return pools.find(poolId).switchIfEmpty(Mono.error(() -> new NotFoundException("pool", poolId)));
    }

    private Mono<Pool> defaultPool() {
        StorageProperties.DefaultPool configured = properties.defaultPool();
        if (configured == null) {
            return Mono.error(new InvalidRequestException("poolId", "is required: no default pool is configured"));
        }
        return pools.findByName(configured.name())
                .switchIfEmpty(Mono.error(() -> new InvalidRequestException("poolId",
                        "is required: the default pool " + configured.name() + " does not exist")));
    }

    /** Best effort: the quota owner learns the tenant's new total; a failure is logged, never the caller's. */
    Mono<Void> reportUsage(String tenantId) {
        return volumes.totalSizeGb(tenantId).flatMap(total -> quota.reportUsage(tenantId, total))
                .onErrorResume(e -> {
                    log.warn("tenant {}: diskGb usage not reported: {}", tenantId, e.toString());
                    return Mono.empty();
                });
    }

    private static void requirePlatform(Caller caller) {
        caller.requireAdmin("this endpoint");
    }

    private record Plan(long sizeGb, VolumeOrigin origin) {
    }

    /** Rolls back a request whose key another request took first. */
    private static final class KeyTakenMeanwhile extends RuntimeException {
        KeyTakenMeanwhile() {
            super(null, null, false, false);
        }
    }
}
