package io.voidvm.monitoring.deadletter.db;

import io.voidvm.monitoring.deadletter.app.ReplayLedger;
import io.voidvm.monitoring.deadletter.domain.DeadLetter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** {@link ReplayLedger} in {@code dead_letter_replays}: a claim is an insert that a second one cannot repeat. */
@Repository
class R2dbcReplayLedger implements ReplayLedger {

    private static final String CLAIM = """
            INSERT INTO dead_letter_replays (dlt_topic, dlt_partition, dlt_offset, replayed_at, replayed_by)
            SELECT :topic, :partition, o, :at, :by FROM unnest(CAST(:offsets AS bigint[])) AS o
            ON CONFLICT (dlt_topic, dlt_partition, dlt_offset) DO %s
            RETURNING dlt_offset""";
    private static final String REMARK =
            "UPDATE SET replayed_at = EXCLUDED.replayed_at, replayed_by = EXCLUDED.replayed_by";

    private final DatabaseClient db;

    R2dbcReplayLedger(DatabaseClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Mono<List<Long>> claim(String topic, int partition, List<Long> offsets, DeadLetter.Replay mark,
                                  boolean force) {
        if (offsets.isEmpty()) {
            return Mono.just(List.of());
        }
        return db.sql(CLAIM.formatted(force ? REMARK : "NOTHING"))
                .bind("topic", topic).bind("partition", partition).bind("offsets", offsets.toArray(Long[]::new))
                .bind("at", timestamp(mark.at())).bind("by", mark.by())
                .map(row -> row.get("dlt_offset", Long.class)).all().collectList();
    }

    @Override
    public Mono<Void> release(String topic, int partition, List<Long> offsets, DeadLetter.Replay mark) {
        if (offsets.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        DELETE FROM dead_letter_replays WHERE dlt_topic = :topic AND dlt_partition = :partition
                        AND dlt_offset = ANY(CAST(:offsets AS bigint[])) AND replayed_at = :at AND replayed_by = :by""")
                .bind("topic", topic).bind("partition", partition).bind("offsets", offsets.toArray(Long[]::new))
                .bind("at", timestamp(mark.at())).bind("by", mark.by())
                .then();
    }

    @Override
    public Mono<Map<Position, DeadLetter.Replay>> marks(String topic, List<Position> positions) {
        if (positions.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("""
                        SELECT r.dlt_partition, r.dlt_offset, r.replayed_at, r.replayed_by FROM dead_letter_replays r
                        JOIN unnest(CAST(:partitions AS integer[]), CAST(:offsets AS bigint[])) AS k(p, o)
                          ON r.dlt_partition = k.p AND r.dlt_offset = k.o
                        WHERE r.dlt_topic = :topic""")
                .bind("topic", topic)
                .bind("partitions", positions.stream().map(Position::partition).toArray(Integer[]::new))
                .bind("offsets", positions.stream().map(Position::offset).toArray(Long[]::new))
                .map(row -> Map.entry(
                        new Position(row.get("dlt_partition", Integer.class), row.get("dlt_offset", Long.class)),
                        new DeadLetter.Replay(row.get("replayed_at", OffsetDateTime.class).toInstant(),
                                row.get("replayed_by", String.class))))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
