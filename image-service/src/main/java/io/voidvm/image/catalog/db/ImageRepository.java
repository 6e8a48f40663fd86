package io.voidvm.image.catalog.db;

import io.r2dbc.spi.Readable;
import io.voidvm.contracts.vm.spec.OsType;
import io.voidvm.image.catalog.domain.DiskFormat;
import io.voidvm.image.catalog.domain.Image;
import io.voidvm.image.catalog.domain.ImageStatus;
import io.voidvm.image.catalog.domain.ImageUsage;
import io.voidvm.image.catalog.domain.Visibility;
import io.voidvm.servicekit.paging.domain.Cursor;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.problem.domain.ConflictException;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import io.voidvm.servicekit.tenancy.domain.TenantScope;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code images} table. "Visible" means the caller's tenant scope or a public image; writes that need
 * ownership use the plain scope, so a tenant can read a public image but not change it.
 */
@Repository
public class ImageRepository {

    private static final String COLUMNS = """
            id, tenant_id, name, description, os_type, os_version, visibility, created_by, status, status_reason,
            format, sha256, size_bytes, virtual_size_bytes, source_url, expected_sha256, bytes_done, bytes_total,
            version, created_at, updated_at""";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM images ";
    private static final String NAME_CONSTRAINT = "images_name_per_tenant";

    private final DatabaseClient db;

    public ImageRepository(DatabaseClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** An image the scope may read: its own, or a public one. */
    public Mono<Image> findVisible(TenantScope scope, UUID id) {
        return bind(db.sql(SELECT + "WHERE id = :id AND " + visible(scope)), scope.bindings())
                .bind("id", id).map(ImageRepository::toImage).one();
    }

    /** Any tenant's image: for platform callers and the service's own background work. */
    public Mono<Image> find(UUID id) {
        return db.sql(SELECT + "WHERE id = :id").bind("id", id).map(ImageRepository::toImage).one();
    }

    public Mono<Image> insert(Image image) {
        GenericExecuteSpec spec = db.sql("INSERT INTO images (" + COLUMNS + ") VALUES (:id, :tenantId, :name, "
                + ":description, :osType, :osVersion, :visibility, :createdBy, :status, NULL, NULL, NULL, NULL, "
                + "NULL, :sourceUrl, :expectedSha256, 0, NULL, 0, :now, :now)")
                .bind("id", image.id())
                .bind("tenantId", image.tenantId())
                .bind("name", image.name())
                .bind("description", image.description())
                .bind("osType", image.osType().name())
                .bind("osVersion", image.osVersion())
                .bind("visibility", image.visibility().name())
                .bind("createdBy", image.createdBy())
                .bind("status", image.status().name())
                .bind("now", image.createdAt());
        spec = nullable(spec, "sourceUrl", image.sourceUrl());
        spec = nullable(spec, "expectedSha256", image.expectedSha256());
        return spec.then()
                .onErrorMap(DataIntegrityViolationException.class, e -> String.valueOf(e.getMessage())
                        .contains(NAME_CONSTRAINT)
                        ? new ConflictException("an image named '" + image.name() + "' already exists in this tenant")
                        : e)
                .thenReturn(image);
    }

    /**
     * Claims an image for its one upload: it must be waiting (UPLOADING, no upload begun, no source URL).
     *
     * @return whether this request got it
     */
    public Mono<Boolean> claimUpload(TenantScope scope, UUID id, Long bytesTotal, Instant now) {
        GenericExecuteSpec spec = bind(db.sql("UPDATE images SET upload_started_at = :now, bytes_total = :total, "
                + "updated_at = :now, version = version + 1 WHERE id = :id AND status = 'UPLOADING' "
                + "AND upload_started_at IS NULL AND source_url IS NULL AND " + scope.sqlPredicate("tenant_id")),
                scope.bindings());
        spec = spec.bind("id", id).bind("now", now);
        spec = bytesTotal == null ? spec.bindNull("total", Long.class) : spec.bind("total", bytesTotal);
        return spec.fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Gives a claimed upload back before any byte was read (a quota refused it or could not be asked). */
    public Mono<Void> releaseUpload(UUID id) {
        return db.sql("UPDATE images SET upload_started_at = NULL, bytes_total = NULL, version = version + 1 "
                        + "WHERE id = :id AND status = 'UPLOADING' AND bytes_done = 0")
                .bind("id", id).then();
    }

    /** Claims a URL import (background start); false when another worker or a restart already did. */
    public Mono<Boolean> claimImport(UUID id, Instant now) {
        return db.sql("UPDATE images SET upload_started_at = :now, updated_at = :now, version = version + 1 "
                        + "WHERE id = :id AND status = 'UPLOADING' AND upload_started_at IS NULL")
                .bind("id", id).bind("now", now).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    public Mono<Void> progress(UUID id, long bytesDone, Long bytesTotal, Instant now) {
        GenericExecuteSpec spec = db.sql("UPDATE images SET bytes_done = :done, bytes_total = COALESCE(:total, "
                + "bytes_total), updated_at = :now WHERE id = :id AND status = 'UPLOADING'")
                .bind("id", id).bind("done", bytesDone).bind("now", now);
        spec = bytesTotal == null ? spec.bindNull("total", Long.class) : spec.bind("total", bytesTotal);
        return spec.then();
    }

    public Mono<Void> validating(UUID id, long sizeBytes, Instant now) {
        return db.sql("UPDATE images SET status = 'VALIDATING', bytes_done = :size, size_bytes = :size, "
                        + "updated_at = :now, version = version + 1 WHERE id = :id AND status = 'UPLOADING'")
                .bind("id", id).bind("size", sizeBytes).bind("now", now).then();
    }

    /** @return whether the image was still VALIDATING (it may have been deleted meanwhile) */
    public Mono<Boolean> ready(UUID id, String sha256, DiskFormat format, long sizeBytes, long virtualSizeBytes,
                               Instant now) {
        return db.sql("UPDATE images SET status = 'READY', status_reason = NULL, sha256 = :sha, format = :format, "
                        + "size_bytes = :size, virtual_size_bytes = :virtual, bytes_done = :size, updated_at = :now, "
                        + "version = version + 1 WHERE id = :id AND status = 'VALIDATING'")
                .bind("id", id).bind("sha", sha256).bind("format", format.wireName()).bind("size", sizeBytes)
                .bind("virtual", virtualSizeBytes).bind("now", now)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Marks a not yet READY image FAILED with a reason the user reads. */
    public Mono<Void> failed(UUID id, String reason, Instant now) {
        return db.sql("UPDATE images SET status = 'FAILED', status_reason = :reason, updated_at = :now, "
                        + "version = version + 1 WHERE id = :id AND status IN ('UPLOADING', 'VALIDATING')")
                .bind("id", id).bind("reason", reason.length() > 1000 ? reason.substring(0, 1000) : reason)
                .bind("now", now).then();
    }

    public Mono<Boolean> delete(UUID id) {
        return db.sql("DELETE FROM images WHERE id = :id").bind("id", id).fetch().rowsUpdated()
                .map(rows -> rows == 1);
    }

    /**
     * What the tenant's private images take: how many there are (any status) and the file sizes of those stored
     * or being validated. Public images count against no tenant.
     */
    public Mono<ImageUsage> usageOf(String tenantId) {
        return db.sql("SELECT count(*) AS images, COALESCE(sum(size_bytes) FILTER (WHERE status IN "
                        + "('READY', 'VALIDATING')), 0)::bigint AS bytes FROM images "
                        + "WHERE tenant_id = :tenantId AND visibility = 'PRIVATE'")
                .bind("tenantId", tenantId)
                .map(row -> new ImageUsage(row.get("images", Long.class), row.get("bytes", Long.class)))
                .one();
    }

    /** How many images point at a blob. */
    public Mono<Long> countBySha256(String sha256) {
        return db.sql("SELECT count(*) FROM images WHERE sha256 = :sha").bind("sha", sha256)
                .map(row -> row.get(0, Long.class)).one();
    }

    /** Serialises blob commits and blob removal of one SHA-256 until the surrounding transaction ends. */
    public Mono<Void> lockBlob(String sha256) {
        return db.sql("SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended(:sha, 0))")
                .bind("sha", sha256).map(row -> 1).all().then();
    }

    /** URL imports that a restart interrupted: they are failed, not resumed. */
    public Flux<UUID> interruptedTransfers() {
        return db.sql("SELECT id FROM images WHERE status IN ('UPLOADING', 'VALIDATING') "
                        + "AND upload_started_at IS NOT NULL")
                .map(row -> row.get("id", UUID.class)).all();
    }

    public Mono<Boolean> publicNameExists(String name) {
        return db.sql("SELECT 1 FROM images WHERE visibility = 'PUBLIC' AND name = :name AND status <> 'FAILED'")
                .bind("name", name).map(row -> true).all().hasElements();
    }

    /** One page of what the scope sees, newest first; fetches one more row than the page holds. */
    public Flux<Image> list(TenantScope scope, PageRequest page) {
        StringBuilder sql = new StringBuilder(SELECT).append("WHERE ").append(visible(scope));
        GenericExecuteSpec spec;
        if (page.after().isPresent()) {
            sql.append(" AND (created_at, id) < (CAST(:afterAt AS timestamptz), :afterId)");
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
        spec = bind(db.sql(sql.toString()), scope.bindings()).bind("limit", page.fetchSize());
        if (page.after().isPresent()) {
            Cursor cursor = page.after().get();
            if (cursor.keys().size() != 2) {
                return Flux.error(invalidCursor());
            }
            try {
                Instant.parse(cursor.key(0));
                spec = spec.bind("afterAt", cursor.key(0)).bind("afterId", UUID.fromString(cursor.key(1)));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                return Flux.error(invalidCursor());
            }
        }
        return spec.map(ImageRepository::toImage).all();
    }

    public static Cursor cursorAfter(Image image) {
        return Cursor.of(image.createdAt().toString(), image.id().toString());
    }

    private static InvalidRequestException invalidCursor() {
        return new InvalidRequestException(Cursor.PARAMETER, "is not a cursor returned by this API");
    }

    private static String visible(TenantScope scope) {
        return "(" + scope.sqlPredicate("tenant_id") + " OR visibility = 'PUBLIC')";
    }

    private static GenericExecuteSpec bind(GenericExecuteSpec spec, Map<String, Object> bindings) {
        for (var binding : bindings.entrySet()) {
            spec = spec.bind(binding.getKey(), binding.getValue());
        }
        return spec;
    }

    private static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    static Image toImage(Readable row) {
        String format = row.get("format", String.class);
        return new Image(
                row.get("id", UUID.class),
                row.get("tenant_id", String.class),
                row.get("name", String.class),
                row.get("description", String.class),
                osType(row.get("os_type", String.class)),
                row.get("os_version", String.class),
                Visibility.valueOf(row.get("visibility", String.class)),
                row.get("created_by", String.class),
                status(row.get("status", String.class)),
                row.get("status_reason", String.class),
                format == null ? null : DiskFormat.fromWireName(format),
                row.get("sha256", String.class),
                row.get("size_bytes", Long.class),
                row.get("virtual_size_bytes", Long.class),
                row.get("source_url", String.class),
                row.get("expected_sha256", String.class),
                row.get("bytes_done", Long.class),
                row.get("bytes_total", Long.class),
                row.get("version", Long.class),
                row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
    }

    /** The baseline allowed PENDING and DELETING, which this service never writes; read them as their nearest. */
    private static ImageStatus status(String stored) {
        return switch (stored) {
            case "PENDING" -> ImageStatus.UPLOADING;
            case "DELETING" -> ImageStatus.FAILED;
            default -> ImageStatus.valueOf(stored);
        };
    }

    private static OsType osType(String stored) {
        return Arrays.stream(OsType.values()).filter(type -> type.name().equalsIgnoreCase(stored)).findFirst()
                .orElse(OsType.OTHER);
    }
}
