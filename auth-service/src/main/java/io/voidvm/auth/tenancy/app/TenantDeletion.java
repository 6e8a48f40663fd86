package io.voidvm.auth.tenancy.app;

import io.voidvm.auth.access.domain.Admins;
import io.voidvm.auth.audit.app.AuditLog;
import io.voidvm.auth.audit.domain.AuditAction;
import io.voidvm.auth.tenancy.db.MembershipRepository;
import io.voidvm.auth.tenancy.db.TenantRepository;
import io.voidvm.auth.tenancy.domain.TenantHoldings;
import io.voidvm.auth.tenancy.domain.TenantIds;
import io.voidvm.auth.tokens.db.ApiTokenRepository;
import io.voidvm.auth.usage.UsageReports;
import io.voidvm.auth.usage.UsageSource;
import io.voidvm.servicekit.problem.domain.ConflictException;
import io.voidvm.servicekit.problem.domain.NotFoundException;
import io.voidvm.servicekit.tenancy.domain.Caller;
import java.time.Clock;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Deletes tenants (admin only, ADR 0018). A tenant is deleted only once it owns nothing: no usage reported by the
 * services that own its resources, no members, no live API tokens. Then its row goes, with its quota (foreign key
 * cascade) and its usage rows, and the deletion is audited; otherwise the answer is a 409 naming what it still
 * owns. The tenant's row is locked while this is decided, so a membership added meanwhile waits and fails.
 */
@Service
public class TenantDeletion {

    private final TenantRepository tenants;
    private final MembershipRepository memberships;
    private final UsageSource usage;
    private final UsageReports usageReports;
    private final ApiTokenRepository apiTokens;
    private final AuditLog audit;
    private final TransactionalOperator transactions;
    private final Clock clock;

    public TenantDeletion(TenantRepository tenants, MembershipRepository memberships, UsageSource usage,
                          UsageReports usageReports, ApiTokenRepository apiTokens, AuditLog audit,
                          TransactionalOperator transactions, Clock clock) {
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.memberships = Objects.requireNonNull(memberships, "memberships");
        this.usage = Objects.requireNonNull(usage, "usage");
        this.usageReports = Objects.requireNonNull(usageReports, "usageReports");
        this.apiTokens = Objects.requireNonNull(apiTokens, "apiTokens");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Mono<Void> delete(Caller caller, String id) {
        return Mono.fromSupplier(() -> Admins.require(caller))
                .flatMap(admin -> TenantIds.isValid(id) ? Mono.just(id) : notFound(id))
                .flatMap(valid -> transactions.transactional(tenants.findForUpdate(valid)
                        .switchIfEmpty(notFound(valid))
                        .flatMap(tenant -> holdings(valid))
                        .flatMap(holdings -> holdings.isEmpty()
                                ? tenants.delete(valid)
                                        .then(usageReports.forget(valid))
                                        .then(audit.record(AuditAction.TENANT_DELETED, caller.subject(), valid,
                                                valid, null))
                                : Mono.error(new ConflictException("tenant " + valid + " still owns "
                                        + holdings.describe() + "; delete its resources, remove its members and "
                                        + "revoke its API tokens first")))));
    }

    private Mono<TenantHoldings> holdings(String id) {
        return Mono.zip(usage.usage(id), memberships.count(id), apiTokens.countLiveInTenant(id, clock.instant()))
                .map(all -> new TenantHoldings(all.getT1(), all.getT2(), all.getT3()));
    }

    private static <T> Mono<T> notFound(String id) {
        return Mono.error(() -> new NotFoundException("tenant", id));
    }
}
