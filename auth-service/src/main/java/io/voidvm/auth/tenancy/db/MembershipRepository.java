package io.voidvm.auth.tenancy.db;

import io.r2dbc.spi.Readable;
import io.voidvm.auth.tenancy.domain.MemberRole;
import io.voidvm.auth.tenancy.domain.Membership;
import io.voidvm.servicekit.paging.domain.Cursor;
import io.voidvm.servicekit.paging.domain.CursorPage;
import io.voidvm.servicekit.paging.domain.PageRequest;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The {@code memberships} table. */
@Repository
public class MembershipRepository {

    private static final String SELECT = "SELECT id, tenant_id, user_id, role, created_at FROM memberships ";

    private final DatabaseClient db;

    public MembershipRepository(DatabaseClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** Members of a tenant ordered by user id; the cursor is the last user id. */
    public Mono<CursorPage<Membership>> page(String tenantId, PageRequest page) {
        String sql = SELECT + "WHERE tenant_id = :tenantId" + (page.after().isPresent() ? " AND user_id > :after" : "")
                + " ORDER BY user_id LIMIT :fetch";
        GenericExecuteSpec spec = db.sql(sql).bind("tenantId", tenantId).bind("fetch", page.fetchSize());
        if (page.after().isPresent()) {
            spec = spec.bind("after", page.after().get().key(0));
        }
        return spec.map(MembershipRepository::toMembership).all().collectList()
                .map(rows -> CursorPage.of(rows, page, membership -> Cursor.of(membership.userId())));
    }

    public Mono<Long> count(String tenantId) {
        return db.sql("SELECT count(*) FROM memberships WHERE tenant_id = :tenantId").bind("tenantId", tenantId)
                .map(row -> row.get(0, Long.class)).one();
    }

    public Mono<Membership> find(String tenantId, String userId) {
        return db.sql(SELECT + "WHERE tenant_id = :tenantId AND user_id = :userId")
                .bind("tenantId", tenantId).bind("userId", userId)
                .map(MembershipRepository::toMembership).one();
    }

    /**
     * Makes {@code tenantId} the user's only tenant: tokens carry one tenant claim, so a membership elsewhere
     * would promise access the user cannot use. Call inside a transaction.
     */
    public Mono<Membership> replaceFor(String userId, String tenantId, MemberRole role, Instant now) {
        UUID id = UUID.randomUUID();
        return db.sql("DELETE FROM memberships WHERE user_id = :userId AND tenant_id <> :tenantId")
                .bind("userId", userId).bind("tenantId", tenantId).fetch().rowsUpdated()
                .then(db.sql("INSERT INTO memberships (id, tenant_id, user_id, role, created_at, updated_at) "
                                + "VALUES (:id, :tenantId, :userId, :role, :now, :now) "
                                + "ON CONFLICT (tenant_id, user_id) DO UPDATE SET role = EXCLUDED.role, "
                                + "version = memberships.version + 1, updated_at = EXCLUDED.updated_at")
                        .bind("id", id).bind("tenantId", tenantId).bind("userId", userId).bind("role", role.key())
                        .bind("now", now).fetch().rowsUpdated())
                .then(find(tenantId, userId));
    }

    /** @return whether there was such a membership */
    public Mono<Boolean> delete(String tenantId, String userId) {
        return db.sql("DELETE FROM memberships WHERE tenant_id = :tenantId AND user_id = :userId")
                .bind("tenantId", tenantId).bind("userId", userId)
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    private static Membership toMembership(Readable row) {
        return new Membership(row.get("id", UUID.class), row.get("tenant_id", String.class),
                row.get("user_id", String.class), MemberRole.fromKey(row.get("role", String.class)),
                row.get("created_at", Instant.class));
    }
}
