package io.voidvm.auth.tenancy.app;

import io.voidvm.auth.audit.app.AuditLog;
import io.voidvm.auth.audit.domain.AuditAction;
import io.voidvm.auth.identity.UserAccount;
import io.voidvm.auth.identity.UserDirectory;
import io.voidvm.auth.tenancy.db.MembershipRepository;
import io.voidvm.auth.tenancy.db.TenantRepository;
import io.voidvm.auth.tenancy.domain.MemberRole;
import io.voidvm.auth.tenancy.domain.TenantIds;
import io.voidvm.servicekit.sweep.Sweeps;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Makes the tenants the realm's users act in real (ADR 0018). A user's tokens carry their Keycloak {@code tenant}
 * attribute, set by a realm import, in Keycloak's console or by this service; a pass reads every user and, for one
 * who is a member of no tenant, creates the tenant their attribute names (unless it exists) and makes them its
 * member. It runs at start-up and periodically; passes of several instances may overlap: every write is
 * insert-if-absent and audited only by the call that made it.
 */
@Service
public class TenantAdoption {

    /** The audit log's actor for what auth-service does on its own. */
    public static final String ACTOR = "auth-service";
    static final int PAGE = 100;

    private static final Logger log = LoggerFactory.getLogger(TenantAdoption.class);

    private final UserDirectory users;
    private final TenantRepository tenants;
    private final MembershipRepository memberships;
    private final AuditLog audit;
    private final TransactionalOperator transactions;
    private final Clock clock;

    public TenantAdoption(UserDirectory users, TenantRepository tenants, MembershipRepository memberships,
                          AuditLog audit, TransactionalOperator transactions, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.memberships = Objects.requireNonNull(memberships, "memberships");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One pass over the realm's users; emits how many of them were adopted (a membership or tenant created). */
    public Mono<Long> reconcile() {
        return page(0)
                .expand(page -> page.users().size() < PAGE ? Mono.empty() : page(page.first() + PAGE))
                .concatMap(page -> adoptUnplaced(page.users()))
                .reduce(0L, Long::sum)
                .doOnNext(adopted -> {
                    if (adopted > 0) {
                        log.info("tenant adoption: {} users adopted into the tenant their account names", adopted);
                    }
                });
    }

    /**
     * Creates the tenant unless it exists (its display name is its id until an admin renames it) and audits the
     * creation; emits whether this call created it. Call inside a transaction.
     */
    Mono<Boolean> ensureTenant(String tenantId, String actor, String detail) {
        return tenants.insertIfAbsent(tenantId, tenantId, clock.instant())
                .flatMap(created -> created
                        ? audit.record(AuditAction.TENANT_CREATED, actor, tenantId, tenantId, detail).thenReturn(true)
                        : Mono.just(false));
    }

    private Mono<Page> page(int first) {
        return users.search(null, first, PAGE).map(found -> new Page(first, found));
    }

    private Mono<Long> adoptUnplaced(List<UserAccount> listed) {
        List<UserAccount> naming = listed.stream().filter(user -> TenantIds.isValid(user.tenantId())).toList();
        return memberships.usersWithAMembership(naming.stream().map(UserAccount::id).toList())
                .flatMapMany(placed -> Flux.fromIterable(naming).filter(user -> !placed.contains(user.id())))
                .transform(candidates -> Sweeps.eachOnItsOwn(candidates, this::adopt, (user, error) ->
                        log.warn("tenant adoption: user {} not adopted into {} (next pass retries): {}", user.id(),
                                user.tenantId(), error.toString())))
                .filter(Boolean::booleanValue)
                .count();
    }

    /** Reads the user again: their attribute may have changed (an admin moved or removed them) since the page. */
    private Mono<Boolean> adopt(UserAccount listed) {
        return users.find(listed.id())
                .filter(user -> TenantIds.isValid(user.tenantId()))
                .flatMap(user -> transactions.transactional(ensureTenant(user.tenantId(), ACTOR,
                                "adopted: user " + user.username() + " acts in it")
                        .flatMap(created -> memberships.adopt(user.id(), user.tenantId(), MemberRole.MEMBER,
                                        clock.instant())
                                .flatMap(added -> added
                                        ? audit.record(AuditAction.MEMBER_ADDED, ACTOR, user.tenantId(), user.id(),
                                                "role=" + MemberRole.MEMBER.key() + " adopted: the user's tenant "
                                                        + "attribute").thenReturn(true)
                                        : Mono.just(created)))))
                .defaultIfEmpty(false);
    }

    private record Page(int first, List<UserAccount> users) {
    }
}
