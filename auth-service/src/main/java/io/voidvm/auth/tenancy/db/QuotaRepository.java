package io.voidvm.auth.tenancy.db;

import io.r2dbc.spi.Readable;
import io.voidvm.auth.tenancy.domain.Quota;
import io.voidvm.auth.tenancy.domain.QuotaResource;
import io.voidvm.auth.tenancy.domain.ResourceAmounts;
import java.time.Instant;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The {@code quotas} table: one row per tenant whose quota an admin set; no row means the defaults. */
@Repository
public class QuotaRepository {

    private final DatabaseClient db;

    public QuotaRepository(DatabaseClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** Empty when the tenant has no row (its quota is the configured default). */
    public Mono<Quota> find(String tenantId) {
        return db.sql("SELECT tenant_id, max_vms, max_vcpus, max_memory_mb, max_disk_gb, max_images, max_image_gb, "
                        + "version FROM quotas WHERE tenant_id = :tenantId")
                .bind("tenantId", tenantId).map(QuotaRepository::toQuota).one();
    }

    /** Inserts or replaces the tenant's row. */
    public Mono<Quota> save(String tenantId, ResourceAmounts limits, Instant now) {
        return db.sql("INSERT INTO quotas (tenant_id, max_vms, max_vcpus, max_memory_mb, max_disk_gb, max_images, "
                        + "max_image_gb, updated_at) VALUES (:tenantId, :vms, :vcpus, :memoryMb, :diskGb, :images, "
                        + ":imageGb, :now) "
                        + "ON CONFLICT (tenant_id) DO UPDATE SET max_vms = EXCLUDED.max_vms, "
                        + "max_vcpus = EXCLUDED.max_vcpus, max_memory_mb = EXCLUDED.max_memory_mb, "
                        + "max_disk_gb = EXCLUDED.max_disk_gb, max_images = EXCLUDED.max_images, "
                        + "max_image_gb = EXCLUDED.max_image_gb, "
                        + "version = quotas.version + 1, updated_at = EXCLUDED.updated_at")
                .bind("tenantId", tenantId)
                .bind("vms", Math.toIntExact(limits.get(QuotaResource.VMS)))
                .bind("vcpus", Math.toIntExact(limits.get(QuotaResource.VCPUS)))
                .bind("memoryMb", limits.get(QuotaResource.MEMORY_MB))
                .bind("diskGb", limits.get(QuotaResource.DISK_GB))
                .bind("images", Math.toIntExact(limits.get(QuotaResource.IMAGES)))
                .bind("imageGb", limits.get(QuotaResource.IMAGE_GB))
                .bind("now", now)
                .fetch().rowsUpdated()
                .then(find(tenantId));
    }

    private static Quota toQuota(Readable row) {
        ResourceAmounts limits = ResourceAmounts.of(row.get("max_vms", Integer.class),
                row.get("max_vcpus", Integer.class), row.get("max_memory_mb", Long.class),
                row.get("max_disk_gb", Long.class), row.get("max_images", Integer.class),
                row.get("max_image_gb", Long.class));
        return new Quota(row.get("tenant_id", String.class), limits, true, row.get("version", Long.class));
    }
}
