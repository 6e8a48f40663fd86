package io.voidvm.storage.volume.db;

import io.r2dbc.spi.Readable;
import io.voidvm.contracts.volume.VolumeOperation;
import io.voidvm.servicekit.paging.domain.Cursor;
import io.voidvm.servicekit.paging.domain.CursorPage;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.problem.domain.ConflictException;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import io.voidvm.servicekit.tenancy.domain.TenantScope;
import io.voidvm.storage.volume.domain.AwaitedCommand;
import io.voidvm.storage.volume.domain.Volume;
import io.voidvm.storage.volume.domain.VolumeStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code volumes} table. Writers lock the row first ({@code findForUpdate}) inside their transaction, so a
 * request and a node's report about one volume never interleave.
 */
@Repository
public class VolumeRepository {

    private static final String COLUMNS = """
            id, tenant_id, pool_id, name, description, size_gb, status, status_reason, image_id, owner_vm_id,
            attached_vm_id, disk_id, virtual_size_bytes, allocated_bytes, awaited_operation, awaited_sent_at,
            awaited_attempts, version, created_at, updated_at""";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM volumes ";

    private final DatabaseClient db;

    public VolumeRepository(DatabaseClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    public Mono<Volume> find(TenantScope scope, UUID poolId, UUID id) {
        return scoped(SELECT + "WHERE id = :id AND pool_id = :poolId AND " + scope.sqlPredicate("tenant_id"), scope)
                .bind("id", id).bind("poolId", poolId).map(VolumeRepository::toVolume).one();
    }

    public Mono<Volume> findByName(String tenantId, UUID poolId, String name) {
        return db.sql(SELECT + "WHERE tenant_id = :tenantId AND pool_id = :poolId AND name = :name")
                .bind("tenantId", tenantId).bind("poolId", poolId).bind("name", name)
                .map(VolumeRepository::toVolume).one();
    }

    public Mono<Volume> findForUpdate(TenantScope scope, UUID id) {
        return scoped(SELECT + "WHERE id = :id AND " + scope.sqlPredicate("tenant_id") + " FOR UPDATE", scope)
                .bind("id", id).map(VolumeRepository::toVolume).one();
    }

    /**
     * Any tenant's volume, locked, unless another transaction holds it ({@code SKIP LOCKED}): empty then. For
     * sweeps, which leave a busy row to their next pass instead of waiting for it.
     */
    public Mono<Volume> lockIfFree(UUID id) {
        return db.sql(SELECT + "WHERE id = :id FOR UPDATE SKIP LOCKED").bind("id", id)
                .map(VolumeRepository::toVolume).one();
    }

    public Mono<CursorPage<Volume>> list(TenantScope scope, UUID poolId, PageRequest page) {
        String after = page.after().isPresent() ? " AND (created_at, id) > (:afterAt, :afterId)" : "";
        GenericExecuteSpec spec = scoped(SELECT + "WHERE pool_id = :poolId AND " + scope.sqlPredicate("tenant_id")
                + after + " ORDER BY created_at, id LIMIT :limit", scope)
                .bind("poolId", poolId).bind("limit", page.fetchSize());
        if (page.after().isPresent()) {
            Cursor cursor = page.after().get();
            try {
                spec = spec.bind("afterAt", Instant.parse(cursor.keys().getFirst()))
                        .bind("afterId", UUID.fromString(cursor.keys().get(1)));
            } catch (RuntimeException e) {
                throw new InvalidRequestException(Cursor.PARAMETER, "is not valid");
            }
        }
        return spec.map(VolumeRepository::toVolume).all().collectList()
                .map(rows -> CursorPage.of(rows, page, volume -> Cursor.of(volume.createdAt().toString(),
                        volume.id().toString())));
    }

    /** Volumes made from the image, any tenant, any status (a DELETING one still needs it until it is gone). */
    public Flux<Volume> dependentsOf(UUID imageId) {
        return db.sql(SELECT + "WHERE image_id = :imageId ORDER BY created_at, id").bind("imageId", imageId)
                .map(VolumeRepository::toVolume).all();
    }

    /** The sum of the tenant's volume sizes, for its {@code diskGb} usage. */
    public Mono<Long> totalSizeGb(String tenantId) {
        return db.sql("SELECT COALESCE(sum(size_gb), 0) AS total FROM volumes WHERE tenant_id = :tenantId")
                .bind("tenantId", tenantId)
                .map(row -> ((Number) row.get("total")).longValue()).one();
    }

    /** @throws ConflictException (as an error signal) when the tenant has a volume of that name in the pool */
    public Mono<Volume> insert(Volume volume) {
        GenericExecuteSpec spec = db.sql("INSERT INTO volumes (" + COLUMNS + ") VALUES (:id, :tenantId, :poolId, "
                + ":name, :description, :sizeGb, :status, :statusReason, :imageId, :ownerVmId, :attachedVmId, "
                + ":diskId, :virtualSizeBytes, :allocatedBytes, :awaitedOperation, :awaitedSentAt, :awaitedAttempts, 0, "
                + ":createdAt, :updatedAt)")
                .bind("tenantId", volume.tenantId())
                .bind("poolId", volume.poolId())
                .bind("name", volume.name())
                .bind("description", volume.description())
                .bind("createdAt", volume.createdAt());
        spec = nullable(spec, "imageId", volume.imageId(), UUID.class);
        spec = nullable(spec, "ownerVmId", volume.ownerVmId(), UUID.class);
        return bindState(spec, volume).fetch().rowsUpdated()
                .onErrorMap(DataIntegrityViolationException.class, e -> new ConflictException(
                        "you already have a volume named " + volume.name() + " in this pool"))
                .thenReturn(volume);
    }

    /** Stores the volume's state; the version guards against a writer that did not lock. */
    public Mono<Volume> update(Volume volume) {
        GenericExecuteSpec spec = db.sql("UPDATE volumes SET size_gb = :sizeGb, status = :status, "
                + "status_reason = :statusReason, attached_vm_id = :attachedVmId, disk_id = :diskId, "
                + "virtual_size_bytes = :virtualSizeBytes, allocated_bytes = :allocatedBytes, "
                + "awaited_operation = :awaitedOperation, awaited_sent_at = :awaitedSentAt, "
                + "awaited_attempts = :awaitedAttempts, version = version + 1, updated_at = :updatedAt WHERE id = :id AND version = :version")
                .bind("version", volume.version());
        return bindState(spec, volume).fetch().rowsUpdated()
                .flatMap(rows -> rows == 1
                        ? Mono.just(withVersion(volume, volume.version() + 1))
                        : Mono.error(new ConflictException("volume " + volume.id() + " changed meanwhile; retry")));
    }

    /**
     * Volumes whose awaited command was last sent at or before {@code sentBefore}, oldest first, any tenant, not
     * locked: the candidates to send again or give up on (each is decided again under its row lock).
     */
    public Flux<Volume> overdue(Instant sentBefore, int limit) {
        return db.sql(SELECT + "WHERE awaited_operation IS NOT NULL AND awaited_sent_at <= :before "
                        + "ORDER BY awaited_sent_at, id LIMIT :limit")
                .bind("before", sentBefore).bind("limit", limit)
                .map(VolumeRepository::toVolume).all();
    }

    public Mono<Void> delete(UUID id) {
        return db.sql("DELETE FROM volumes WHERE id = :id").bind("id", id).fetch().rowsUpdated().then();
    }

    private static GenericExecuteSpec bindState(GenericExecuteSpec spec, Volume volume) {
        spec = spec.bind("id", volume.id())
                .bind("sizeGb", volume.sizeGb())
                .bind("status", volume.status().name())
                .bind("updatedAt", volume.updatedAt());
        spec = nullable(spec, "statusReason", volume.statusReason(), String.class);
        spec = nullable(spec, "attachedVmId", volume.attachedVmId(), UUID.class);
        spec = nullable(spec, "diskId", volume.diskId(), String.class);
        spec = nullable(spec, "virtualSizeBytes", volume.virtualSizeBytes(), Long.class);
        spec = nullable(spec, "allocatedBytes", volume.allocatedBytes(), Long.class);
        AwaitedCommand awaiting = volume.awaiting();
        spec = nullable(spec, "awaitedOperation", awaiting == null ? null : awaiting.operation().name(), String.class);
        spec = nullable(spec, "awaitedSentAt", awaiting == null ? null : awaiting.sentAt(), Instant.class);
        return nullable(spec, "awaitedAttempts", awaiting == null ? null : awaiting.attempts(), Integer.class);
    }

    private static <T> GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private GenericExecuteSpec scoped(String sql, TenantScope scope) {
        GenericExecuteSpec spec = db.sql(sql);
        for (var binding : scope.bindings().entrySet()) {
            spec = spec.bind(binding.getKey(), binding.getValue());
        }
        return spec;
    }

    private static Volume withVersion(Volume v, long version) {
        return new Volume(v.id(), v.tenantId(), v.poolId(), v.name(), v.description(), v.sizeGb(), v.status(),
                v.statusReason(), v.imageId(), v.ownerVmId(), v.attachedVmId(), v.diskId(), v.virtualSizeBytes(),
                v.allocatedBytes(), v.awaiting(), version, v.createdAt(), v.updatedAt());
    }

    private static Volume toVolume(Readable row) {
        return new Volume(row.get("id", UUID.class), row.get("tenant_id", String.class),
                row.get("pool_id", UUID.class), row.get("name", String.class), row.get("description", String.class),
                row.get("size_gb", Long.class), VolumeStatus.valueOf(row.get("status", String.class)),
                row.get("status_reason", String.class), row.get("image_id", UUID.class),
                row.get("owner_vm_id", UUID.class), row.get("attached_vm_id", UUID.class),
                row.get("disk_id", String.class), row.get("virtual_size_bytes", Long.class),
                row.get("allocated_bytes", Long.class), awaiting(row), row.get("version", Long.class),
                row.get("created_at", Instant.class), row.get("updated_at", Instant.class));
    }

    private static AwaitedCommand awaiting(Readable row) {
        String operation = row.get("awaited_operation", String.class);
        return operation == null ? null : new AwaitedCommand(VolumeOperation.valueOf(operation),
                row.get("awaited_sent_at", Instant.class), row.get("awaited_attempts", Integer.class));
    }
}
