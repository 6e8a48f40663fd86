package io.voidvm.auth.tenancy.db;

import io.r2dbc.spi.Readable;
import io.voidvm.auth.tenancy.domain.Tenant;
import io.voidvm.servicekit.paging.domain.Cursor;
import io.voidvm.servicekit.paging.domain.CursorPage;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.problem.domain.ConflictException;
import java.time.Instant;
import java.util.Objects;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The {@code tenants} table. */
@Repository
public class TenantRepository {

    private static final String SELECT =
            "SELECT id, display_name, suspended, version, created_at, updated_at FROM tenants ";

    private final DatabaseClient db;

    public TenantRepository(DatabaseClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    public Mono<Tenant> find(String id) {
        return db.sql(SELECT + "WHERE id = :id").bind("id", id).map(TenantRepository::toTenant).one();
    }

    /** The row, locked until the transaction ends; call inside one. */
    public Mono<Tenant> findForUpdate(String id) {
        return db.sql(SELECT + "WHERE id = :id FOR UPDATE").bind("id", id).map(TenantRepository::toTenant).one();
    }

    /** Ordered by id; the cursor is the last id. */
    public Mono<CursorPage<Tenant>> page(PageRequest page) {
        String sql = SELECT + (page.after().isPresent() ? "WHERE id > :after " : "") + "ORDER BY id LIMIT :fetch";
        GenericExecuteSpec spec = db.sql(sql).bind("fetch", page.fetchSize());
        if (page.after().isPresent()) {
            spec = spec.bind("after", page.after().get().key(0));
        }
        return spec.map(TenantRepository::toTenant).all().collectList()
                .map(rows -> CursorPage.of(rows, page, tenant -> Cursor.of(tenant.id())));
    }

    /** @throws ConflictException (as an error signal) when the id is taken */
    public Mono<Tenant> insert(String id, String displayName, Instant now) {
        return db.sql("INSERT INTO tenants (id, display_name, created_at, updated_at) VALUES (:id, :name, :now, :now)")
                .bind("id", id).bind("name", displayName).bind("now", now)
                .fetch().rowsUpdated()
                .onErrorMap(DataIntegrityViolationException.class,
                        e -> new ConflictException("tenant " + id + " already exists"))
                .then(find(id));
    }

    /**
     * Inserts the tenant unless a row with its id exists; safe when several callers (instances) race for the same id.
     *
     * @return whether this call created it
     */
    public Mono<Boolean> insertIfAbsent(String id, String displayName, Instant now) {
        return db.sql("INSERT INTO tenants (id, display_name, created_at, updated_at) VALUES (:id, :name, :now, :now) "
                        + "ON CONFLICT (id) DO NOTHING")
                .bind("id", id).bind("name", displayName).bind("now", now)
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** Deletes the row; its memberships and quota go with it (foreign keys ON DELETE CASCADE). */
    public Mono<Boolean> delete(String id) {
        return db.sql("DELETE FROM tenants WHERE id = :id").bind("id", id).fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** Applies the change if the row still has {@code expectedVersion}; empty when it does not. */
    public Mono<Tenant> update(String id, String displayName, boolean suspended, long expectedVersion, Instant now) {
        return db.sql("UPDATE tenants SET display_name = :name, suspended = :suspended, version = version + 1, "
                        + "updated_at = :now WHERE id = :id AND version = :version")
                .bind("id", id).bind("name", displayName).bind("suspended", suspended)
                .bind("version", expectedVersion).bind("now", now)
                .fetch().rowsUpdated()
                .filter(rows -> rows > 0)
                .flatMap(rows -> find(id));
    }

    private static Tenant toTenant(Readable row) {
        return new Tenant(row.get("id", String.class), row.get("display_name", String.class),
                Boolean.TRUE.equals(row.get("suspended", Boolean.class)), row.get("version", Long.class),
                row.get("created_at", Instant.class), row.get("updated_at", Instant.class));
    }
}
