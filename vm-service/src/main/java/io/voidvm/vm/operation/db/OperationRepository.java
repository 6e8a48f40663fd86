package io.voidvm.vm.operation.db;

import io.r2dbc.spi.Readable;
import io.voidvm.servicekit.tenancy.domain.TenantScope;
import io.voidvm.vm.operation.domain.Operation;
import io.voidvm.vm.operation.domain.OperationAction;
import io.voidvm.vm.operation.domain.OperationProblem;
import io.voidvm.vm.operation.domain.OperationStatus;
import io.voidvm.vm.vmlog.domain.LogPosition;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The {@code operations} table. Operations only move forward, so updates lock the row and overwrite it. */
@Repository
public class OperationRepository {

    private static final String COLUMNS = """
            id, tenant_id, vm_id, action, status, requested_by, generation, command_message_id, deadline,
            CAST(problem AS text) AS problem, created_at, updated_at, completed_at""";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM operations ";

    private final DatabaseClient db;
    private final JsonMapper json;

    public OperationRepository(DatabaseClient db, JsonMapper json) {
        this.db = Objects.requireNonNull(db, "db");
        this.json = Objects.requireNonNull(json, "json");
    }

    public Mono<Operation> insert(Operation op) {
        GenericExecuteSpec spec = db.sql("""
                INSERT INTO operations (id, tenant_id, vm_id, action, status, requested_by, generation,
                    command_message_id, deadline, problem, created_at, updated_at, completed_at)
                VALUES (:id, :tenantId, :vmId, :action, :status, :requestedBy, :generation, :commandMessageId,
                    :deadline, CAST(:problem AS jsonb), :createdAt, :updatedAt, :completedAt)""")
                .bind("tenantId", op.tenantId())
                .bind("vmId", op.vmId())
                .bind("action", op.action().name())
                .bind("requestedBy", op.requestedBy())
                .bind("generation", op.generation())
                .bind("deadline", op.deadline())
                .bind("createdAt", op.createdAt());
        spec = nullable(spec, "commandMessageId", op.commandMessageId(), UUID.class);
        return bindProgress(spec, op).then().thenReturn(op);
    }

    /** Stores status, problem and timestamps (the only fields that ever change). */
    public Mono<Operation> update(Operation op) {
        GenericExecuteSpec spec = db.sql("UPDATE operations SET status = :status, problem = CAST(:problem AS jsonb), "
                + "updated_at = :updatedAt, completed_at = :completedAt, version = version + 1 WHERE id = :id");
        return bindProgress(spec, op).fetch().rowsUpdated().thenReturn(op);
    }

    public Mono<Operation> find(TenantScope scope, UUID id) {
        GenericExecuteSpec spec = db.sql(SELECT + "WHERE id = :id AND " + scope.sqlPredicate("tenant_id"))
                .bind("id", id);
        for (var binding : scope.bindings().entrySet()) {
            spec = spec.bind(binding.getKey(), binding.getValue());
        }
        return spec.map(this::toOperation).one();
    }

    public Mono<Operation> findForUpdate(UUID id) {
        return db.sql(SELECT + "WHERE id = :id FOR UPDATE").bind("id", id).map(this::toOperation).one();
    }

    /** The VM's unfinished operations, oldest first, locked for re-evaluation. */
    public Flux<Operation> openForUpdate(UUID vmId) {
        return db.sql(SELECT + "WHERE vm_id = :vmId AND status IN ('PENDING', 'RUNNING') ORDER BY created_at, id "
                        + "FOR UPDATE")
                .bind("vmId", vmId).map(this::toOperation).all();
    }

    /**
     * Open operations past their deadline at {@code now}, any tenant, oldest deadline first, not locked: the
     * deadline sweep's candidates (each is decided again under its lock, {@link #lockIfFree}).
     */
    public Flux<Operation> overdue(Instant now, int limit) {
        return db.sql(SELECT + "WHERE status IN ('PENDING', 'RUNNING') AND deadline <= :now ORDER BY deadline, id "
                        + "LIMIT :limit")
                .bind("now", now).bind("limit", limit).map(this::toOperation).all();
    }

    /** The operation, locked, unless another transaction holds it ({@code SKIP LOCKED}): empty then. */
    public Mono<Operation> lockIfFree(UUID id) {
        return db.sql(SELECT + "WHERE id = :id FOR UPDATE SKIP LOCKED").bind("id", id).map(this::toOperation).one();
    }

    /**
     * The VM's operations within the scope, newest first by (created at, id), after {@code after} (exclusive); at
     * most {@code limit}. The VM log merges them with its events.
     */
    public Flux<Operation> logOf(TenantScope scope, UUID vmId, Optional<LogPosition> after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append("WHERE vm_id = :vmId AND ")
                .append(scope.sqlPredicate("tenant_id"));
        after.ifPresent(position -> sql.append(" AND (created_at, id) < (CAST(:afterAt AS timestamptz), :afterId)"));
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
        GenericExecuteSpec spec = db.sql(sql.toString()).bind("vmId", vmId).bind("limit", limit);
        for (var binding : scope.bindings().entrySet()) {
            spec = spec.bind(binding.getKey(), binding.getValue());
        }
        if (after.isPresent()) {
            spec = spec.bind("afterAt", after.get().at().toString()).bind("afterId", after.get().id());
        }
        return spec.map(this::toOperation).all();
    }

    private GenericExecuteSpec bindProgress(GenericExecuteSpec spec, Operation op) {
        spec = spec.bind("id", op.id())
                .bind("status", op.status().name())
                .bind("updatedAt", op.updatedAt());
        spec = nullable(spec, "problem", op.problem() == null ? null : json.writeValueAsString(op.problem()),
                String.class);
        return nullable(spec, "completedAt", op.finishedAt(), Instant.class);
    }

    private static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, Object value, Class<?> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private Operation toOperation(Readable row) {
        String problem = row.get("problem", String.class);
        return new Operation(
                row.get("id", UUID.class),
                row.get("tenant_id", String.class),
                row.get("vm_id", UUID.class),
                OperationAction.valueOf(row.get("action", String.class)),
                OperationStatus.valueOf(row.get("status", String.class)),
                row.get("requested_by", String.class),
                row.get("generation", Long.class),
                row.get("command_message_id", UUID.class),
                row.get("deadline", Instant.class),
                problem == null ? null : json.readValue(problem, OperationProblem.class),
                row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class),
                row.get("completed_at", Instant.class));
    }
}
