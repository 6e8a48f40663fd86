package io.voidvm.storage.pool.db;

import io.r2dbc.spi.Readable;
import io.voidvm.servicekit.paging.domain.Cursor;
import io.voidvm.servicekit.paging.domain.CursorPage;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.problem.domain.ConflictException;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import io.voidvm.storage.pool.domain.Pool;
import io.voidvm.storage.pool.domain.PoolBackend;
import io.voidvm.storage.pool.domain.PoolType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The {@code pools} table. Allocations lock the pool row first ({@link #findForUpdate}), so two volume requests
 * on one pool are counted one after the other and can never both take the last gigabytes.
 */
@Repository
public class PoolRepository {

    private static final String SELECT = """
            SELECT p.id, p.name, p.description, p.kind, p.path, p.node_name, p.capacity_gb, p.overcommit_ratio,
                   p.version, p.created_at, p.updated_at,
                   (SELECT COALESCE(sum(v.size_gb), 0) FROM volumes v WHERE v.pool_id = p.id) AS used_gb
            FROM pools p
            """;

    private final DatabaseClient db;

    public PoolRepository(DatabaseClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    public Mono<Pool> find(UUID id) {
        return db.sql(SELECT + "WHERE p.id = :id").bind("id", id).map(PoolRepository::toPool).one();
    }

    public Mono<Pool> findByName(String name) {
        return db.sql(SELECT + "WHERE p.name = :name").bind("name", name).map(PoolRepository::toPool).one();
    }

    /** Locks the pool row for the rest of the transaction, then reads it with its current allocation. */
    public Mono<Pool> findForUpdate(UUID id) {
        return db.sql("SELECT id FROM pools WHERE id = :id FOR UPDATE").bind("id", id).fetch().one()
                .flatMap(locked -> find(id));
    }

    public Mono<CursorPage<Pool>> list(PageRequest page) {
        String after = page.after().isPresent() ? "WHERE (p.created_at, p.id) > (:afterAt, :afterId) " : "";
        var spec = db.sql(SELECT + after + "ORDER BY p.created_at, p.id LIMIT :limit")
                .bind("limit", page.fetchSize());
        if (page.after().isPresent()) {
            Cursor cursor = page.after().get();
            spec = spec.bind("afterAt", Keys.instant(cursor)).bind("afterId", Keys.id(cursor));
        }
        return spec.map(PoolRepository::toPool).all().collectList()
                .map(rows -> CursorPage.of(rows, page, pool -> Cursor.of(pool.createdAt().toString(),
                        pool.id().toString())));
    }

    /** @throws ConflictException (as an error signal) for a taken name or directory */
    public Mono<Pool> insert(Pool pool) {
        var spec = db.sql("""
                INSERT INTO pools (id, name, description, kind, path, node_name, capacity_gb, overcommit_ratio,
                                   version, created_at, updated_at)
                VALUES (:id, :name, :description, :kind, :path, :nodeName, :capacityGb, :ratio, 0, :now, :now)""")
                .bind("id", pool.id())
                .bind("name", pool.name())
                .bind("description", pool.description())
                .bind("kind", pool.backend().type().name())
                .bind("capacityGb", pool.capacityGb())
                .bind("ratio", pool.overcommitRatio())
                .bind("now", pool.createdAt());
        spec = switch (pool.backend()) {
            case PoolBackend.Dir dir -> spec.bind("path", dir.path()).bind("nodeName", dir.nodeName());
        };
        return spec.fetch().rowsUpdated()
                .onErrorMap(DataIntegrityViolationException.class, e -> new ConflictException(
                        e.getMessage() != null && e.getMessage().contains("pools_dir_location")
                                ? "another pool already uses directory " + pool.agentPath() + " on node "
                                + pool.nodeName()
                                : "a pool named " + pool.name() + " already exists"))
                .thenReturn(pool);
    }

    /** Inserts the pool unless one of that name exists; either way answers the stored pool. */
    public Mono<Pool> insertIfAbsent(Pool pool) {
        return findByName(pool.name()).switchIfEmpty(Mono.defer(() -> insert(pool)
                .onErrorResume(ConflictException.class, e -> findByName(pool.name()))));
    }

    private static Pool toPool(Readable row) {
        PoolType type = PoolType.valueOf(row.get("kind", String.class));
        PoolBackend backend = switch (type) {
            case DIR -> new PoolBackend.Dir(row.get("path", String.class), row.get("node_name", String.class));
        };
        return new Pool(row.get("id", UUID.class), row.get("name", String.class),
                row.get("description", String.class), backend, row.get("capacity_gb", Long.class),
                row.get("overcommit_ratio", BigDecimal.class), ((Number) row.get("used_gb")).longValue(),
                row.get("version", Long.class), row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
    }

    /** Reads the (createdAt, id) keys of a cursor; a tampered cursor is a 400 naming {@code cursor}. */
    static final class Keys {
        private Keys() {
        }

        static Instant instant(Cursor cursor) {
            try {
                return Instant.parse(cursor.keys().getFirst());
            } catch (RuntimeException e) {
                throw new InvalidRequestException(Cursor.PARAMETER, "is not valid");
            }
        }

        static UUID id(Cursor cursor) {
            try {
                return UUID.fromString(cursor.keys().get(1));
            } catch (RuntimeException e) {
                throw new InvalidRequestException(Cursor.PARAMETER, "is not valid");
            }
        }
    }
}
