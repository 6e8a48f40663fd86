package io.voidvm.servicekit.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The relay's SQL. Every method must run inside the relay's transaction: the advisory locks taken by
 * {@link #claim(int)} last until that transaction ends.
 */
final class OutboxStore {

    /** First half of the two-int advisory lock key ("void"), so outbox locks never collide with other locks. */
    static final int LOCK_CLASS = 0x766F6964;

    /** Keys whose oldest unsent row is due, oldest first. */
    private static final String DUE_KEYS = """
            SELECT message_key FROM (
                SELECT DISTINCT ON (message_key) message_key, id, next_attempt_at
                FROM outbox WHERE sent_at IS NULL
                ORDER BY message_key, id) AS heads
            WHERE next_attempt_at <= now()
            ORDER BY id
            LIMIT :limit""";

    /** unnest evaluates the lock exactly once per key, unlike a lock call in a sorted, limited WHERE clause. */
    private static final String LOCK_KEYS = """
            SELECT k FROM unnest(CAST(:keys AS text[])) AS k
            WHERE pg_try_advisory_xact_lock(""" + LOCK_CLASS + ", hashtext(k))";

    /**
     * Unsent rows of the locked keys, each key's rows up to (not including) its first row that is backing off.
     * Runs as a new statement after the locks are held, so it sees every send committed by the previous holder.
     */
    private static final String CLAIM_ROWS = """
            SELECT o.id, o.message_id, o.topic, o.message_key, o.payload, CAST(o.headers AS text) AS headers,
                   o.attempts
            FROM outbox o
            WHERE o.sent_at IS NULL AND o.message_key = ANY(CAST(:keys AS text[]))
              AND NOT EXISTS (SELECT 1 FROM outbox h
                              WHERE h.message_key = o.message_key AND h.sent_at IS NULL
                                AND h.id <= o.id AND h.next_attempt_at > now())
            ORDER BY o.id
            LIMIT :limit
            FOR UPDATE""";

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final DatabaseClient db;
    private final JsonMapper json;

    OutboxStore(DatabaseClient db, JsonMapper json) {
        this.db = Objects.requireNonNull(db, "db");
        this.json = Objects.requireNonNull(json, "json");
    }

    /** Locks up to {@code limit} due keys that no other relay holds and returns their claimable rows in id order. */
    Mono<List<OutboxRow>> claim(int limit) {
        return db.sql(DUE_KEYS).bind("limit", limit)
                .map(row -> row.get("message_key", String.class))
                .all().collectList()
                .filter(keys -> !keys.isEmpty())
                .flatMap(keys -> db.sql(LOCK_KEYS).bind("keys", keys.toArray(String[]::new))
                        .map(row -> row.get("k", String.class))
                        .all().collectList())
                .filter(locked -> !locked.isEmpty())
                .flatMap(locked -> db.sql(CLAIM_ROWS)
                        .bind("keys", locked.toArray(String[]::new))
                        .bind("limit", limit)
                        .map(row -> new OutboxRow(
                                row.get("id", Long.class),
                                row.get("message_id", UUID.class),
                                row.get("topic", String.class),
                                row.get("message_key", String.class),
                                row.get("payload", byte[].class),
                                json.readValue(row.get("headers", String.class), HEADERS),
                                row.get("attempts", Integer.class)))
                        .all().collectList())
                .defaultIfEmpty(List.of());
    }

    Mono<Long> markSent(List<Long> ids) {
        if (ids.isEmpty()) {
            return Mono.just(0L);
        }
        return db.sql("UPDATE outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL "
                      + "WHERE id = ANY(CAST(:ids AS bigint[]))")
                .bind("ids", ids.toArray(Long[]::new))
                .fetch().rowsUpdated();
    }

    Mono<Long> markFailed(long id, String error, Duration retryAfter) {
        return db.sql("UPDATE outbox SET attempts = attempts + 1, last_error = :error, "
                      + "next_attempt_at = now() + make_interval(secs => :delay) WHERE id = :id")
                .bind("error", error)
                .bind("delay", retryAfter.toMillis() / 1000.0)
                .bind("id", id)
                .fetch().rowsUpdated();
    }

    /** Deletes one chunk of rows sent before the retention period; returns how many. */
    Mono<Long> purgeChunk(Duration retention, int chunk) {
        return db.sql("DELETE FROM outbox WHERE id IN (SELECT id FROM outbox "
                      + "WHERE sent_at < now() - make_interval(secs => :retention) LIMIT :chunk)")
                .bind("retention", (double) retention.toSeconds())
                .bind("chunk", chunk)
                .fetch().rowsUpdated();
    }

    /** Unsent rows and the age of the oldest, for the gauges. */
    Mono<Backlog> backlog() {
        return db.sql("SELECT count(*) AS pending, "
                      + "COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::double precision AS oldest "
                      + "FROM outbox WHERE sent_at IS NULL")
                .map(row -> new Backlog(row.get("pending", Long.class), row.get("oldest", Double.class)))
                .one();
    }

    record Backlog(long pending, double oldestAgeSeconds) {
    }
}
