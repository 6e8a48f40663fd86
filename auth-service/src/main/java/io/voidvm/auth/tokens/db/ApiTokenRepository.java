package io.voidvm.auth.tokens.db;

import io.r2dbc.spi.Readable;
import io.voidvm.auth.tokens.domain.ApiToken;
import io.voidvm.auth.tokens.domain.TokenEnd;
import io.voidvm.servicekit.paging.domain.Cursor;
import io.voidvm.servicekit.paging.domain.CursorPage;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code api_tokens} table: metadata only, never a secret. */
@Repository
public class ApiTokenRepository {

    private static final String COLUMNS = "id, tenant_id, owner_id, name, client_id, keycloak_client_id, "
            + "created_at, expires_at, ended_at, end_reason";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM api_tokens ";

    private final DatabaseClient db;

    public ApiTokenRepository(DatabaseClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    public Mono<ApiToken> insert(ApiToken token) {
        return db.sql("INSERT INTO api_tokens (id, tenant_id, owner_id, name, client_id, keycloak_client_id, "
                        + "created_at, expires_at) VALUES (:id, :tenantId, :ownerId, :name, :clientId, "
                        + ":keycloakClientId, :createdAt, :expiresAt)")
                .bind("id", token.id())
                .bind("tenantId", token.tenantId())
                .bind("ownerId", token.ownerId())
                .bind("name", token.name())
                .bind("clientId", token.clientId())
                .bind("keycloakClientId", token.keycloakClientId())
                .bind("createdAt", token.createdAt())
                .bind("expiresAt", token.expiresAt())
                .fetch().rowsUpdated().thenReturn(token);
    }

    public Mono<ApiToken> find(UUID id) {
        return db.sql(SELECT + "WHERE id = :id").bind("id", id).map(ApiTokenRepository::toToken).one();
    }

    /** Live tokens (not ended, not expired) of one owner in one tenant: the per-user limit counts these. */
    public Mono<Long> countLive(String tenantId, String ownerId, Instant now) {
        return db.sql("SELECT count(*) FROM api_tokens WHERE tenant_id = :tenantId AND owner_id = :ownerId "
                        + "AND ended_at IS NULL AND expires_at > :now")
                .bind("tenantId", tenantId).bind("ownerId", ownerId).bind("now", now)
                .map(row -> row.get(0, Long.class)).one();
    }

    /** Live tokens (not ended, not expired) of anyone in one tenant: they keep the tenant from being deleted. */
    public Mono<Long> countLiveInTenant(String tenantId, Instant now) {
        return db.sql("SELECT count(*) FROM api_tokens WHERE tenant_id = :tenantId AND ended_at IS NULL "
                        + "AND expires_at > :now")
                .bind("tenantId", tenantId).bind("now", now)
                .map(row -> row.get(0, Long.class)).one();
    }

    /** The owner's tokens in the tenant, newest first, ended ones included (with their status). */
    public Mono<CursorPage<ApiToken>> page(String tenantId, String ownerId, PageRequest page) {
        String sql = SELECT + "WHERE tenant_id = :tenantId AND owner_id = :ownerId"
                + (page.after().isPresent() ? " AND (created_at, id) < (:afterTime, :afterId)" : "")
                + " ORDER BY created_at DESC, id DESC LIMIT :fetch";
        GenericExecuteSpec spec = db.sql(sql).bind("tenantId", tenantId).bind("ownerId", ownerId)
                .bind("fetch", page.fetchSize());
        if (page.after().isPresent()) {
            Cursor cursor = page.after().get();
            try {
                spec = spec.bind("afterTime", Instant.parse(cursor.key(0)))
                        .bind("afterId", UUID.fromString(cursor.key(1)));
            } catch (DateTimeParseException | IllegalArgumentException | IndexOutOfBoundsException e) {
                return Mono.error(new InvalidRequestException(Cursor.PARAMETER, "is not a cursor returned by this API"));
            }
        }
        return spec.map(ApiTokenRepository::toToken).all().collectList()
                .map(rows -> CursorPage.of(rows, page,
                        token -> Cursor.of(token.createdAt().toString(), token.id().toString())));
    }

    /** Live tokens whose expiry has passed, oldest first, at most {@code limit}. */
    public Flux<ApiToken> expiredLive(Instant now, int limit) {
        return db.sql(SELECT + "WHERE ended_at IS NULL AND expires_at <= :now ORDER BY expires_at LIMIT :limit")
                .bind("now", now).bind("limit", limit)
                .map(ApiTokenRepository::toToken).all();
    }

    /** @return false when the token had already ended (a concurrent revoke or sweep won) */
    public Mono<Boolean> markEnded(UUID id, TokenEnd reason, Instant at) {
        return db.sql("UPDATE api_tokens SET ended_at = :at, end_reason = :reason WHERE id = :id "
                        + "AND ended_at IS NULL")
                .bind("id", id).bind("at", at).bind("reason", reason.name().toLowerCase(Locale.ROOT))
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    private static ApiToken toToken(Readable row) {
        String reason = row.get("end_reason", String.class);
        return new ApiToken(row.get("id", UUID.class), row.get("tenant_id", String.class),
                row.get("owner_id", String.class), row.get("name", String.class), row.get("client_id", String.class),
                row.get("keycloak_client_id", String.class), row.get("created_at", Instant.class),
                row.get("expires_at", Instant.class), row.get("ended_at", Instant.class),
                reason == null ? null : TokenEnd.valueOf(reason.toUpperCase(Locale.ROOT)));
    }
}
