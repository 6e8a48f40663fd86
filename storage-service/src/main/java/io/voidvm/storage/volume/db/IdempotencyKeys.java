package io.voidvm.storage.volume.db;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The {@code idempotency_keys} table: which volume a tenant's key made, and for which request. */
@Repository
public class IdempotencyKeys {

    private final DatabaseClient db;

    public IdempotencyKeys(DatabaseClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** A key's earlier use. */
    public record Use(String requestHash, UUID volumeId) {
    }

    public Mono<Use> find(String tenantId, String key) {
        return db.sql("SELECT request_hash, volume_id FROM idempotency_keys WHERE tenant_id = :tenantId "
                        + "AND idempotency_key = :key")
                .bind("tenantId", tenantId).bind("key", key)
                .map(row -> new Use(row.get("request_hash", String.class), row.get("volume_id", UUID.class)))
                .one();
    }

    /**
     * Inside the caller's transaction; a concurrent first use of the key waits on the other's row.
     *
     * @return false when the key was taken meanwhile
     */
    public Mono<Boolean> insert(String tenantId, String key, String requestHash, UUID volumeId) {
        return db.sql("INSERT INTO idempotency_keys (tenant_id, idempotency_key, request_hash, volume_id) "
                        + "VALUES (:tenantId, :key, :hash, :volumeId) ON CONFLICT DO NOTHING")
                .bind("tenantId", tenantId).bind("key", key).bind("hash", requestHash).bind("volumeId", volumeId)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    public Mono<Long> purgeOlderThan(Duration retention) {
        return db.sql("DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(secs => :seconds)")
                .bind("seconds", (double) retention.toSeconds())
                .fetch().rowsUpdated();
    }
}
