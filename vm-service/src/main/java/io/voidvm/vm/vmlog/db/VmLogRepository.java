package io.voidvm.vm.vmlog.db;

import io.r2dbc.spi.Readable;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.servicekit.tenancy.domain.TenantScope;
import io.voidvm.vm.vmlog.domain.LogPosition;
import io.voidvm.vm.vmlog.domain.VmLogEntry;
import io.voidvm.vm.vmlog.domain.VmLogKind;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code vm_log_events} table: entries are only ever added, never changed. */
@Repository
public class VmLogRepository {

    private final DatabaseClient db;

    public VmLogRepository(DatabaseClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    public Mono<Void> insert(VmLogEntry entry) {
        return db.sql("""
                        INSERT INTO vm_log_events (id, tenant_id, vm_id, at, kind, status, reason, source)
                        VALUES (:id, :tenantId, :vmId, :at, :kind, :status, :reason, :source)""")
                .bind("id", entry.id())
                .bind("tenantId", entry.tenantId())
                .bind("vmId", entry.vmId())
                .bind("at", entry.at())
                .bind("kind", entry.kind().name())
                .bind("status", entry.status().name())
                .bind("reason", entry.reason())
                .bind("source", entry.source())
                .then();
    }

    /** The VM's entries within the scope, newest first, after {@code after} (exclusive); at most {@code limit}. */
    public Flux<VmLogEntry> logOf(TenantScope scope, UUID vmId, Optional<LogPosition> after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, tenant_id, vm_id, at, kind, status, reason, source "
                + "FROM vm_log_events WHERE vm_id = :vmId AND ").append(scope.sqlPredicate("tenant_id"));
        after.ifPresent(position -> sql.append(" AND (at, id) < (CAST(:afterAt AS timestamptz), :afterId)"));
        sql.append(" ORDER BY at DESC, id DESC LIMIT :limit");
        GenericExecuteSpec spec = db.sql(sql.toString()).bind("vmId", vmId).bind("limit", limit);
        for (var binding : scope.bindings().entrySet()) {
            spec = spec.bind(binding.getKey(), binding.getValue());
        }
        if (after.isPresent()) {
            spec = spec.bind("afterAt", after.get().at().toString()).bind("afterId", after.get().id());
        }
        return spec.map(VmLogRepository::toEntry).all();
    }

    private static VmLogEntry toEntry(Readable row) {
        return new VmLogEntry(
                row.get("id", UUID.class),
                row.get("tenant_id", String.class),
                row.get("vm_id", UUID.class),
                row.get("at", Instant.class),
                VmLogKind.valueOf(row.get("kind", String.class)),
                VmStatus.valueOf(row.get("status", String.class)),
                row.get("reason", String.class),
                row.get("source", String.class));
    }
}
