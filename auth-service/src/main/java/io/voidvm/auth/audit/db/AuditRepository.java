package io.voidvm.auth.audit.db;

import io.r2dbc.spi.Readable;
import io.voidvm.auth.audit.domain.AuditAction;
import io.voidvm.auth.audit.domain.AuditEntry;
import io.voidvm.auth.audit.domain.AuditSource;
import io.voidvm.servicekit.paging.domain.Cursor;
import io.voidvm.servicekit.paging.domain.CursorPage;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The {@code audit_log} table: append-only, read newest first with keyset paging. */
@Repository
public class AuditRepository {

    private static final String COLUMNS =
            "id, occurred_at, source, action, actor, tenant_id, target, detail, external_id";

    private final DatabaseClient db;

    public AuditRepository(DatabaseClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    public Mono<Void> append(AuditEntry entry) {
        return bind(db.sql("INSERT INTO audit_log (" + COLUMNS + ") VALUES (:id, :occurredAt, :source, :action, "
                + ":actor, :tenantId, :target, :detail, :externalId)"), entry).fetch().rowsUpdated().then();
    }

    /** Stores an imported event once: a second read of the same Keycloak event changes nothing. */
    public Mono<Boolean> appendOnce(AuditEntry entry) {
        return bind(db.sql("INSERT INTO audit_log (" + COLUMNS + ") VALUES (:id, :occurredAt, :source, :action, "
                + ":actor, :tenantId, :target, :detail, :externalId) ON CONFLICT (external_id) DO NOTHING"), entry)
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** When the newest imported Keycloak event happened, for the next poll's window. */
    public Mono<Instant> latestImported() {
        return db.sql("SELECT max(occurred_at) FROM audit_log WHERE source = 'keycloak'")
                .map(row -> Optional.ofNullable(row.get(0, Instant.class))).one()
                .flatMap(Mono::justOrEmpty);
    }

    /** Newest first; {@code action} and {@code tenantId} filter when not null. */
    public Mono<CursorPage<AuditEntry>> page(PageRequest page, AuditAction action, String tenantId) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_log WHERE TRUE");
        if (action != null) {
            sql.append(" AND action = :action");
        }
        if (tenantId != null) {
            sql.append(" AND tenant_id = :tenantId");
        }
        page.after().ifPresent(cursor -> sql.append(" AND (occurred_at, id) < (:afterTime, :afterId)"));
        sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT :fetch");
        GenericExecuteSpec spec = db.sql(sql.toString()).bind("fetch", page.fetchSize());
        if (action != null) {
            spec = spec.bind("action", action.name());
        }
        if (tenantId != null) {
            spec = spec.bind("tenantId", tenantId);
        }
        if (page.after().isPresent()) {
            Cursor cursor = page.after().get();
            spec = spec.bind("afterTime", instant(cursor)).bind("afterId", uuid(cursor));
        }
        return spec.map(AuditRepository::toEntry).all().collectList()
                .map(rows -> CursorPage.of(rows, page,
                        entry -> Cursor.of(entry.occurredAt().toString(), entry.id().toString())));
    }

    private static GenericExecuteSpec bind(GenericExecuteSpec spec, AuditEntry entry) {
        GenericExecuteSpec bound = spec.bind("id", entry.id())
                .bind("occurredAt", entry.occurredAt())
                .bind("source", entry.source().key())
                .bind("action", entry.action().name())
                .bind("actor", entry.actor());
        bound = text(bound, "tenantId", entry.tenantId());
        bound = text(bound, "target", entry.target());
        bound = text(bound, "detail", entry.detail());
        return text(bound, "externalId", entry.externalId());
    }

    private static GenericExecuteSpec text(GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    private static AuditEntry toEntry(Readable row) {
        return new AuditEntry(row.get("id", UUID.class), row.get("occurred_at", Instant.class),
                AuditSource.fromKey(row.get("source", String.class)),
                AuditAction.valueOf(row.get("action", String.class)), row.get("actor", String.class),
                row.get("tenant_id", String.class), row.get("target", String.class),
                row.get("detail", String.class), row.get("external_id", String.class));
    }

    private static Instant instant(Cursor cursor) {
        try {
            return Instant.parse(cursor.key(0));
        } catch (DateTimeParseException | IndexOutOfBoundsException e) {
            throw new InvalidRequestException(Cursor.PARAMETER, "is not a cursor returned by this API");
        }
    }

    private static UUID uuid(Cursor cursor) {
        try {
            return UUID.fromString(cursor.key(1));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new InvalidRequestException(Cursor.PARAMETER, "is not a cursor returned by this API");
        }
    }
}
