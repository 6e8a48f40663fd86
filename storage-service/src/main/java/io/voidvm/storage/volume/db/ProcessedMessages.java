package io.voidvm.storage.volume.db;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The {@code processed_messages} table: ids of events already applied. */
@Repository
public class ProcessedMessages {

    private final DatabaseClient db;

    public ProcessedMessages(DatabaseClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Records the id inside the caller's transaction; a concurrent duplicate waits on the first one's row and
     * then finds it, so two consumers never both apply one message.
     *
     * @return false when the message was processed before
     */
    public Mono<Boolean> markProcessed(UUID messageId) {
        return db.sql("INSERT INTO processed_messages (message_id) VALUES (:id) ON CONFLICT DO NOTHING")
                .bind("id", messageId)
                .fetch().rowsUpdated()
                .map(rows -> rows == 1);
    }

    public Mono<Long> purgeOlderThan(Duration retention) {
        return db.sql("DELETE FROM processed_messages WHERE processed_at < now() - make_interval(secs => :seconds)")
                .bind("seconds", (double) retention.toSeconds())
                .fetch().rowsUpdated();
    }
}
