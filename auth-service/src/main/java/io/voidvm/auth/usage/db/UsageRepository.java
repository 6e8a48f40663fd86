package io.voidvm.auth.usage.db;

import io.voidvm.auth.tenancy.domain.QuotaResource;
import io.voidvm.auth.tenancy.domain.ResourceAmounts;
import io.voidvm.auth.usage.UsageReports;
import io.voidvm.auth.usage.UsageSource;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code usage} table: the last usage each owning service reported per tenant and resource. The
 * {@link UsageSource} behind quota checks and {@code /users/usage} until usage arrives as events.
 */
@Repository
public class UsageRepository implements UsageSource, UsageReports {

    private final DatabaseClient db;

    public UsageRepository(DatabaseClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Mono<ResourceAmounts> usage(String tenantId) {
        return db.sql("SELECT resource, used FROM usage WHERE tenant_id = :tenantId").bind("tenantId", tenantId)
                .map(row -> Map.entry(QuotaResource.fromKey(row.get("resource", String.class), "resource"),
                        row.get("used", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, () -> new EnumMap<>(QuotaResource.class))
                .map(ResourceAmounts::new);
    }

    @Override
    public Mono<Void> report(String tenantId, Map<QuotaResource, Long> used, Instant now) {
        return Flux.fromIterable(used.entrySet())
                .concatMap(entry -> db.sql("INSERT INTO usage (tenant_id, resource, used, updated_at) "
                                + "VALUES (:tenantId, :resource, :used, :now) ON CONFLICT (tenant_id, resource) "
                                + "DO UPDATE SET used = EXCLUDED.used, updated_at = EXCLUDED.updated_at")
                        .bind("tenantId", tenantId).bind("resource", entry.getKey().key())
                        .bind("used", entry.getValue()).bind("now", now)
                        .fetch().rowsUpdated())
                .then();
    }

    @Override
    public Mono<Void> forget(String tenantId) {
        return db.sql("DELETE FROM usage WHERE tenant_id = :tenantId").bind("tenantId", tenantId).then();
    }
}
