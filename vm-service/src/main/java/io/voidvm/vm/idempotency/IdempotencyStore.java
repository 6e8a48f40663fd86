package io.voidvm.vm.idempotency;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code idempotency_keys} table. */
@Repository
class IdempotencyStore {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    /** A stored first use of a key. */
    record Entry(String requestHash, StoredResponse response) {
    }

    private final DatabaseClient db;
    private final JsonMapper json;

    IdempotencyStore(DatabaseClient db, JsonMapper json) {
        this.db = Objects.requireNonNull(db, "db");
        this.json = Objects.requireNonNull(json, "json");
    }

    Mono<Entry> find(String scope, String key) {
        return db.sql("SELECT request_hash, response_status, CAST(response_headers AS text) AS headers, "
                        + "response_body FROM idempotency_keys WHERE tenant_id = :scope AND idempotency_key = :key")
                .bind("scope", scope).bind("key", key)
                .map(row -> new Entry(row.get("request_hash", String.class), new StoredResponse(
                        row.get("response_status", Integer.class),
                        json.readValue(row.get("headers", String.class), HEADERS),
                        row.get("response_body", byte[].class))))
                .one();
    }

    /** @return false when the key is already taken (a concurrent first use committed, or is committing) */
    Mono<Boolean> insert(String scope, String key, String requestHash, StoredResponse response) {
        return db.sql("INSERT INTO idempotency_keys (tenant_id, idempotency_key, request_hash, response_status, "
                        + "response_headers, response_body) VALUES (:scope, :key, :hash, :status, "
                        + "CAST(:headers AS jsonb), :body) ON CONFLICT DO NOTHING")
                .bind("scope", scope).bind("key", key).bind("hash", requestHash)
                .bind("status", response.status())
                .bind("headers", json.writeValueAsString(response.headers()))
                .bind("body", response.body())
                .fetch().rowsUpdated()
                .map(rows -> rows == 1);
    }

    /** Forgets keys older than the retention, so a key can eventually be reused and the table stays small. */
    Mono<Long> purgeOlderThan(Duration retention) {
        return db.sql("DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(secs => :seconds)")
                .bind("seconds", (double) retention.toSeconds())
                .fetch().rowsUpdated();
    }
}
