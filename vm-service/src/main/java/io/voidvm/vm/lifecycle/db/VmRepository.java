package io.voidvm.vm.lifecycle.db;

import io.r2dbc.spi.Readable;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.contracts.vm.spec.OsType;
import io.voidvm.servicekit.paging.domain.Cursor;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.problem.domain.ConflictException;
import io.voidvm.servicekit.tenancy.domain.TenantScope;
import io.voidvm.vm.lifecycle.domain.BootVolume;
import io.voidvm.vm.lifecycle.domain.DesiredPower;
import io.voidvm.vm.lifecycle.domain.Vm;
import io.voidvm.vm.placement.domain.Allocations;
import io.voidvm.vm.placement.domain.Allocations.Allocation;
import io.voidvm.vm.quota.domain.Resources;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code vms} table. Writers lock the row first ({@code ...ForUpdate}) inside their transaction, so an API
 * request and an event about the same VM never interleave; the version column still guards every update and
 * backs {@code ETag}/{@code If-Match}.
 */
@Repository
public class VmRepository {

    private static final String COLUMNS = """
            id, tenant_id, name, description, cpu_cores, memory_mb, disk_size_gb, image_id, network_ids, os_type,
            desired_power_state, status, status_reason, node_name, generation, observed_generation, observed_at,
            version, created_at, updated_at, boot_volume_id, boot_volume_pool_path, boot_volume_node""";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM vms ";
    private static final String NAME_CONSTRAINT = "vms_name_per_tenant";

    private final DatabaseClient db;

    public VmRepository(DatabaseClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    public Mono<Vm> find(TenantScope scope, UUID id) {
        return scoped(SELECT + "WHERE id = :id AND " + scope.sqlPredicate("tenant_id"), scope)
                .bind("id", id).map(VmRepository::toVm).one();
    }

    public Mono<Vm> findForUpdate(TenantScope scope, UUID id) {
        return scoped(SELECT + "WHERE id = :id AND " + scope.sqlPredicate("tenant_id") + " FOR UPDATE", scope)
                .bind("id", id).map(VmRepository::toVm).one();
    }

    /** Any tenant's VM, locked: for consumers acting on what a node reported. */
    public Mono<Vm> findForUpdate(UUID id) {
        return findForUpdate(TenantScope.allTenants(), id);
    }

    /** Any tenant's VM, locked, unless another transaction holds it ({@code SKIP LOCKED}): empty then (or gone). */
    public Mono<Vm> lockIfFree(UUID id) {
        return db.sql(SELECT + "WHERE id = :id FOR UPDATE SKIP LOCKED").bind("id", id).map(VmRepository::toVm).one();
    }

    public Mono<Boolean> exists(TenantScope scope, UUID id) {
        return scoped("SELECT 1 FROM vms WHERE id = :id AND " + scope.sqlPredicate("tenant_id"), scope)
                .bind("id", id).map(row -> true).one().defaultIfEmpty(false);
    }

    /** @throws ConflictException (as an error signal) when the tenant already has a VM of that name */
    public Mono<Vm> insert(Vm vm) {
        GenericExecuteSpec spec = db.sql("INSERT INTO vms (" + COLUMNS + ") VALUES (:id, :tenantId, :name, "
                + ":description, :cpuCores, :memoryMb, :diskSizeGb, :imageId, :networkIds, :osType, :desiredPower, "
                + ":status, :statusReason, :nodeName, :generation, :observedGeneration, :observedAt, 0, :createdAt, "
                + ":updatedAt, :bootVolumeId, :bootVolumePoolPath, :bootVolumeNode)");
        BootVolume boot = vm.bootVolume();
        spec = nullable(spec, "bootVolumeId", boot == null ? null : boot.volumeId(), UUID.class);
        spec = nullable(spec, "bootVolumePoolPath", boot == null ? null : boot.poolPath(), String.class);
        spec = nullable(spec, "bootVolumeNode", boot == null ? null : boot.nodeName(), String.class);
        spec = nullable(spec, "diskSizeGb", vm.diskSizeGb(), Integer.class);
        return bindState(spec, vm)
                .bind("tenantId", vm.tenantId())
                .bind("networkIds", vm.networkIds().toArray(UUID[]::new))
                .bind("osType", vm.osType().name())
                .bind("createdAt", vm.createdAt())
                .then()
                .onErrorMap(DataIntegrityViolationException.class, e -> nameTaken(e, vm.name()))
                .thenReturn(vm);
    }

    /**
     * Stores every mutable column of {@code vm} if the row still has {@code vm.version()}.
     *
     * @return the VM with its version raised
     */
    public Mono<Vm> update(Vm vm) {
        GenericExecuteSpec spec = db.sql("""
                UPDATE vms SET name = :name, description = :description, cpu_cores = :cpuCores,
                    memory_mb = :memoryMb, image_id = :imageId, desired_power_state = :desiredPower, status = :status,
                    status_reason = :statusReason, node_name = :nodeName, generation = :generation,
                    observed_generation = :observedGeneration, observed_at = :observedAt, version = version + 1,
                    updated_at = :updatedAt
                WHERE id = :id AND version = :version""");
        return bindState(spec, vm).bind("version", vm.version())
                .fetch().rowsUpdated()
                .onErrorMap(DataIntegrityViolationException.class, e -> nameTaken(e, vm.name()))
                .flatMap(rows -> rows == 1 ? Mono.just(withVersion(vm, vm.version() + 1))
                        : Mono.error(new IllegalStateException("VM " + vm.id() + " changed under a row lock")));
    }

    /**
     * Removes the VM's row and, in the same transaction (the caller's), queues its boot volume for deletion in
     * storage-service ({@code boot_volume_deletions}, worked off by the boot-volume sweeper).
     */
    public Mono<Void> delete(Vm vm) {
        Mono<Void> row = db.sql("DELETE FROM vms WHERE id = :id").bind("id", vm.id()).then();
        BootVolume boot = vm.bootVolume();
        if (boot == null) {
            return row;
        }
        return db.sql("INSERT INTO boot_volume_deletions (volume_id, vm_id, tenant_id) VALUES (:volume, :vm, :tenant)"
                        + " ON CONFLICT (volume_id) DO NOTHING")
                .bind("volume", boot.volumeId()).bind("vm", vm.id()).bind("tenant", vm.tenantId())
                .then().then(row);
    }

    /**
     * One page of the scope's VMs; fetches {@link PageRequest#fetchSize()} rows so the caller can tell whether
     * another page follows.
     */
    public Flux<Vm> list(TenantScope scope, VmQuery query, PageRequest page) {
        VmSort sort = query.sort();
        StringBuilder sql = new StringBuilder(SELECT).append("WHERE ").append(scope.sqlPredicate("tenant_id"));
        Map<String, Object> bindings = new HashMap<>(scope.bindings());
        if (!query.statuses().isEmpty()) {
            sql.append(" AND status = ANY(CAST(:statuses AS text[]))");
            bindings.put("statuses", query.statuses().stream().map(Enum::name).sorted().toArray(String[]::new));
        }
        if (query.namePrefix() != null) {
            // the prefix is [a-z0-9-] only (VmQuery), so it holds no LIKE wildcard to escape
            sql.append(" AND name LIKE :namePrefix");
            bindings.put("namePrefix", query.namePrefix() + "%");
        }
        String column = sort.column();
        String castKey = column.equals("created_at") ? "CAST(:afterKey AS timestamptz)" : ":afterKey";
        page.after().ifPresent(cursor -> {
            VmCursor after = VmCursor.decode(cursor, sort);
            sql.append(" AND (").append(column).append(", id) ").append(sort.descending() ? "<" : ">")
                    .append(" (").append(castKey).append(", :afterId)");
            bindings.put("afterKey", after.key());
            bindings.put("afterId", after.id());
        });
        String direction = sort.descending() ? " DESC" : " ASC";
        sql.append(" ORDER BY ").append(column).append(direction).append(", id").append(direction)
                .append(" LIMIT :limit");
        bindings.put("limit", page.fetchSize());
        GenericExecuteSpec spec = db.sql(sql.toString());
        for (var binding : bindings.entrySet()) {
            spec = spec.bind(binding.getKey(), binding.getValue());
        }
        return spec.map(VmRepository::toVm).all();
    }

    /** The cursor that continues a list after {@code vm} in {@code sort} order. */
    public static Cursor cursorAfter(Vm vm, VmSort sort) {
        return VmCursor.after(vm, sort);
    }

    /** vCPUs, memory and VM count placed on each node, deleting VMs included: they still run until removed. */
    public Mono<Allocations> allocations() {
        return db.sql("SELECT node_name, sum(cpu_cores) AS vcpus, sum(memory_mb) AS memory_mb, count(*) AS vms "
                        + "FROM vms WHERE node_name IS NOT NULL GROUP BY node_name")
                .map(row -> Map.entry(row.get("node_name", String.class), new Allocation(
                        row.get("vcpus", Number.class).intValue(), row.get("memory_mb", Number.class).longValue(),
                        row.get("vms", Number.class).intValue())))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(Allocations::of);
    }

    /** What one tenant holds, deleting VMs included (they count until they are gone), for its quota. */
    public Mono<Resources> usage(String tenantId) {
        return db.sql("SELECT count(*) AS vms, coalesce(sum(cpu_cores), 0) AS vcpus, "
                        + "coalesce(sum(memory_mb), 0) AS memory_mb FROM vms WHERE tenant_id = :tenantId")
                .bind("tenantId", tenantId)
                .map(row -> new Resources(row.get("vms", Number.class).longValue(),
                        row.get("vcpus", Number.class).longValue(), row.get("memory_mb", Number.class).longValue()))
                .one();
    }

    /** VMs still waiting for a node, oldest first. */
    public Flux<UUID> unplaced(int limit) {
        return db.sql("SELECT id FROM vms WHERE node_name IS NULL AND status = 'PENDING' "
                        + "AND desired_power_state <> 'DELETED' ORDER BY created_at, id LIMIT :limit")
                .bind("limit", limit)
                .map(row -> row.get("id", UUID.class)).all();
    }

    /** Every VM placed on a node, for the agent's resync. */
    public Flux<Vm> placedOn(String nodeName) {
        return db.sql(SELECT + "WHERE node_name = :node ORDER BY created_at, id")
                .bind("node", nodeName).map(VmRepository::toVm).all();
    }

    /** Every VM placed on a node, locked (in id order, so concurrent callers queue), for a change of the node. */
    public Flux<Vm> placedOnForUpdate(String nodeName) {
        return db.sql(SELECT + "WHERE node_name = :node ORDER BY id FOR UPDATE")
                .bind("node", nodeName).map(VmRepository::toVm).all();
    }

    private GenericExecuteSpec scoped(String sql, TenantScope scope) {
        GenericExecuteSpec spec = db.sql(sql);
        for (var binding : scope.bindings().entrySet()) {
            spec = spec.bind(binding.getKey(), binding.getValue());
        }
        return spec;
    }

    private static GenericExecuteSpec bindState(GenericExecuteSpec spec, Vm vm) {
        spec = spec.bind("id", vm.id())
                .bind("name", vm.name())
                .bind("description", vm.description())
                .bind("cpuCores", vm.cpuCores())
                .bind("memoryMb", vm.memoryMb())
                .bind("desiredPower", vm.desiredPower().name())
                .bind("status", vm.status().name())
                .bind("generation", vm.generation())
                .bind("observedGeneration", vm.observedGeneration())
                .bind("updatedAt", vm.updatedAt());
        spec = nullable(spec, "imageId", vm.imageId(), UUID.class);
        spec = nullable(spec, "statusReason", vm.statusReason(), String.class);
        spec = nullable(spec, "nodeName", vm.nodeName(), String.class);
        return nullable(spec, "observedAt", vm.observedAt(), Instant.class);
    }

    static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, Object value, Class<?> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static Throwable nameTaken(DataIntegrityViolationException e, String name) {
        return String.valueOf(e.getMessage()).contains(NAME_CONSTRAINT)
                ? new ConflictException("a VM named '" + name + "' already exists in this tenant")
                : e;
    }

    static Vm toVm(Readable row) {
        UUID[] networks = row.get("network_ids", UUID[].class);
        return new Vm(
                row.get("id", UUID.class),
                row.get("tenant_id", String.class),
                row.get("name", String.class),
                row.get("description", String.class),
                row.get("cpu_cores", Integer.class),
                row.get("memory_mb", Long.class),
                row.get("disk_size_gb", Integer.class),
                row.get("image_id", UUID.class),
                bootVolume(row),
                networks == null ? List.of() : Arrays.asList(networks),
                osType(row.get("os_type", String.class)),
                DesiredPower.valueOf(row.get("desired_power_state", String.class)),
                VmStatus.valueOf(row.get("status", String.class)),
                row.get("status_reason", String.class),
                row.get("node_name", String.class),
                row.get("generation", Long.class),
                row.get("observed_generation", Long.class),
                row.get("observed_at", Instant.class),
                row.get("version", Long.class),
                row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
    }

    private static BootVolume bootVolume(Readable row) {
        UUID id = row.get("boot_volume_id", UUID.class);
        return id == null ? null
                : new BootVolume(id, row.get("boot_volume_pool_path", String.class),
                        row.get("boot_volume_node", String.class));
    }

    /** Rows written before the enum was enforced (or by hand) may hold lowercase or unknown names. */
    private static OsType osType(String stored) {
        return Arrays.stream(OsType.values()).filter(type -> type.name().equalsIgnoreCase(stored)).findFirst()
                .orElse(OsType.OTHER);
    }

    static Vm withVersion(Vm vm, long version) {
        return new Vm(vm.id(), vm.tenantId(), vm.name(), vm.description(), vm.cpuCores(), vm.memoryMb(),
                vm.diskSizeGb(), vm.imageId(), vm.bootVolume(), vm.networkIds(), vm.osType(), vm.desiredPower(),
                vm.status(), vm.statusReason(), vm.nodeName(), vm.generation(), vm.observedGeneration(),
                vm.observedAt(), version, vm.createdAt(), vm.updatedAt());
    }
}
