package io.voidvm.auth.tenancy.app;

import io.voidvm.auth.access.domain.Admins;
import io.voidvm.auth.audit.app.AuditLog;
import io.voidvm.auth.audit.domain.AuditAction;
import io.voidvm.auth.config.AuthProperties;
import io.voidvm.auth.identity.UserDirectory;
import io.voidvm.auth.tenancy.db.MembershipRepository;
import io.voidvm.auth.tenancy.db.TenantRepository;
import io.voidvm.auth.tenancy.domain.MemberRole;
import io.voidvm.auth.tenancy.domain.Membership;
import io.voidvm.auth.tenancy.domain.Tenant;
import io.voidvm.auth.tenancy.domain.TenantIds;
import io.voidvm.servicekit.paging.domain.CursorPage;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.problem.domain.ConflictException;
import io.voidvm.servicekit.problem.domain.NotFoundException;
import io.voidvm.servicekit.problem.domain.PreconditionFailedException;
import io.voidvm.servicekit.tenancy.domain.Caller;
import java.time.Clock;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Tenants and their members (admin only). A membership also sets the user's Keycloak {@code tenant} attribute,
 * inside the database transaction, so the row and the claim the user's next token carries agree. Assigning a user
 * to a tenant that does not exist yet creates it (ADR 0018); {@link TenantDeletion} deletes one.
 */
@Service
public class TenantService {

    private static final String TENANT = "tenant";

    private final TenantRepository tenants;
    private final MembershipRepository memberships;
    private final UserDirectory users;
    private final TenantAdoption adoption;
    private final AuditLog audit;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final int maxMembers;

    public TenantService(TenantRepository tenants, MembershipRepository memberships, UserDirectory users,
                         TenantAdoption adoption, AuditLog audit, TransactionalOperator transactions, Clock clock,
                         AuthProperties properties) {
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.memberships = Objects.requireNonNull(memberships, "memberships");
        this.users = Objects.requireNonNull(users, "users");
        this.adoption = Objects.requireNonNull(adoption, "adoption");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxMembers = properties.maxMembersPerTenant();
    }

    public Mono<CursorPage<Tenant>> list(Caller caller, PageRequest page) {
        return Mono.fromSupplier(() -> Admins.require(caller)).flatMap(admin -> tenants.page(page));
    }

    public Mono<Tenant> create(Caller caller, String id, String displayName) {
        return Mono.fromSupplier(() -> {
                    Admins.require(caller);
                    return TenantIds.require(id, "id");
                })
                .flatMap(valid -> transactions.transactional(tenants.insert(valid, displayName, clock.instant())
                        .flatMap(tenant -> audit.record(AuditAction.TENANT_CREATED, caller.subject(), tenant.id(),
                                tenant.id(), "displayName=" + displayName).thenReturn(tenant))));
    }

    public Mono<Tenant> get(Caller caller, String id) {
        return Mono.fromSupplier(() -> Admins.require(caller)).flatMap(admin -> existing(id));
    }

    /**
     * @param displayName     null keeps the current one
     * @param suspended       null keeps the current state
     * @param expectedVersion from {@code If-Match}; null to skip the check
     */
    public Mono<Tenant> update(Caller caller, String id, String displayName, Boolean suspended,
                               Long expectedVersion) {
        return Mono.fromSupplier(() -> Admins.require(caller))
                .flatMap(admin -> transactions.transactional(existing(id).flatMap(current -> {
                    if (expectedVersion != null && expectedVersion != current.version()) {
                        return Mono.error(new PreconditionFailedException("tenant " + id + " changed since it was "
                                + "read", "\"" + current.version() + "\""));
                    }
                    String name = displayName == null ? current.displayName() : displayName;
                    boolean suspend = suspended == null ? current.suspended() : suspended;
                    return tenants.update(id, name, suspend, current.version(), clock.instant())
                            .switchIfEmpty(Mono.error(() -> new PreconditionFailedException(
                                    "tenant " + id + " changed concurrently", null)))
                            .flatMap(updated -> audit.record(AuditAction.TENANT_UPDATED, caller.subject(), id, id,
                                    "displayName=" + name + " suspended=" + suspend).thenReturn(updated));
                })));
    }

    public Mono<CursorPage<Membership>> members(Caller caller, String tenantId, PageRequest page) {
        return Mono.fromSupplier(() -> Admins.require(caller))
                .flatMap(admin -> existing(tenantId))
                .flatMap(tenant -> memberships.page(tenantId, page));
    }

    /**
     * Adds (or re-roles) a member; it becomes the user's only tenant, the one their tokens carry. A tenant that does
     * not exist yet is created with the membership (its display name is its id), once the user is known.
     */
    public Mono<Membership> addMember(Caller caller, String tenantId, String userId, MemberRole role) {
        return Mono.fromSupplier(() -> Admins.require(caller))
                .flatMap(admin -> TenantIds.isValid(tenantId) ? Mono.just(tenantId) : notFound(tenantId))
                .flatMap(tenant -> users.find(userId)
                        .switchIfEmpty(Mono.error(() -> new NotFoundException("user", userId))))
                .flatMap(user -> memberships.find(tenantId, userId).hasElement()
                        .flatMap(already -> already ? Mono.just(0L) : memberships.count(tenantId)))
                .filter(count -> count < maxMembers)
                .switchIfEmpty(Mono.error(() -> new ConflictException("tenant " + tenantId + " already has "
                        + maxMembers + " members")))
                .flatMap(count -> transactions.transactional(
                        adoption.ensureTenant(tenantId, caller.subject(), "displayName=" + tenantId
                                        + " (created by assigning user " + userId + ")")
                                .then(memberships.replaceFor(userId, tenantId, role, clock.instant()))
                                .flatMap(membership -> users.setTenant(userId, tenantId)
                                        .then(audit.record(AuditAction.MEMBER_ADDED, caller.subject(), tenantId,
                                                userId, "role=" + role.key()))
                                        .thenReturn(membership))));
    }

    /** Removes a member; their next token carries no tenant if this was the one their account named. */
    public Mono<Void> removeMember(Caller caller, String tenantId, String userId) {
        return Mono.fromSupplier(() -> Admins.require(caller))
                .flatMap(admin -> transactions.transactional(memberships.delete(tenantId, userId)
                        .filter(Boolean::booleanValue)
                        .switchIfEmpty(Mono.error(() -> new NotFoundException("member", userId)))
                        .then(users.find(userId))
                        .filter(user -> tenantId.equals(user.tenantId()))
                        .flatMap(user -> users.setTenant(userId, null))
                        .then(audit.record(AuditAction.MEMBER_REMOVED, caller.subject(), tenantId, userId, null))));
    }

    private Mono<Tenant> existing(String id) {
        return TenantIds.isValid(id) ? tenants.find(id).switchIfEmpty(notFound(id)) : notFound(id);
    }

    private static <T> Mono<T> notFound(String id) {
        return Mono.error(() -> new NotFoundException(TENANT, id));
    }
}
