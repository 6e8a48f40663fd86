package io.voidvm.auth.tenancy.db;

import io.r2dbc.spi.Readable;
import io.voidvm.auth.tenancy.domain.MemberRole;
import io.voidvm.auth.tenancy.domain.Membership;
import io.voidvm.servicekit.paging.domain.Cursor;
import io.voidvm.servicekit.paging.domain.CursorPage;
import io.voidvm.servicekit.paging.domain.PageRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The {@code memberships} table. */
@Repository
public class MembershipRepository {

    /** First key of the advisory locks on a user's memberships, apart from other locks in the database. */
    private static final int USER_LOCK_SPACE = 18;
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

    /** Those of {@code userIds} who are a member of some tenant. */
    public Mono<Set<String>> usersWithAMembership(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Mono.just(Set.of());
        }
        return db.sql("SELECT DISTINCT user_id FROM memberships WHERE user_id = ANY(:userIds)")
                .bind("userIds", userIds.toArray(String[]::new))
                .map(row -> row.get("user_id", String.class)).all().collect(Collectors.toSet());
    }

    /**
     * Makes the user a member of {@code tenantId} unless they are a member of any tenant already: adoption never
     * overrides what an admin decided. Call inside a transaction; the per-user lock orders it with
     * {@link #replaceFor}, so a user never ends up in two tenants.
     *
     * @return whether this call added the membership
     */
    public Mono<Boolean> adopt(String userId, String tenantId, MemberRole role, Instant now) {
        return lockUser(userId)
                .then(db.sql("INSERT INTO memberships (id, tenant_id, user_id, role, created_at, updated_at) "
                                + "SELECT :id, :tenantId, :userId, :role, :now, :now WHERE NOT EXISTS "
                                + "(SELECT 1 FROM memberships WHERE user_id = :userId) "
                                + "ON CONFLICT (tenant_id, user_id) DO NOTHING")
                        .bind("id", UUID.randomUUID()).bind("tenantId", tenantId).bind("userId", userId)
                        .bind("role", role.key()).bind("now", now)
                        .fetch().rowsUpdated())
                .map(rows -> rows > 0);
    }

    /**
     * Makes {@code tenantId} the user's only tenant: tokens carry one tenant claim, so a membership elsewhere
     * would promise access the user cannot use. Call inside a transaction.
     */
    public Mono<Membership> replaceFor(String userId, String tenantId, MemberRole role, Instant now) {
        UUID id = UUID.randomUUID();
        return lockUser(userId)
                .then(db.sql("DELETE FROM memberships WHERE user_id = :userId AND tenant_id <> :tenantId")
                        .bind("userId", userId).bind("tenantId", tenantId).fetch().rowsUpdated())
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

    /** Serializes membership changes of one user until the transaction ends (a transaction-level advisory lock). */
    private Mono<Void> lockUser(String userId) {
        return db.sql("SELECT pg_advisory_xact_lock(:space, hashtext(:userId))")
                .bind("space", USER_LOCK_SPACE).bind("userId", userId).then();
    }

    private static Membership toMembership(Readable row) {
        return new Membership(row.get("id", UUID.class), row.get("tenant_id", String.class),
                row.get("user_id", String.class), MemberRole.fromKey(row.get("role", String.class)),
                row.get("created_at", Instant.class));
    }
}
