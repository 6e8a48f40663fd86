package io.voidvm.auth.tenancy.app;

import io.voidvm.auth.access.domain.Admins;
import io.voidvm.auth.audit.app.AuditLog;
import io.voidvm.auth.audit.domain.AuditAction;
import io.voidvm.auth.config.AuthProperties;
import io.voidvm.auth.tenancy.db.QuotaRepository;
import io.voidvm.auth.tenancy.db.TenantRepository;
import io.voidvm.auth.tenancy.domain.Quota;
import io.voidvm.auth.tenancy.domain.QuotaDecision;
import io.voidvm.auth.tenancy.domain.QuotaResource;
import io.voidvm.auth.tenancy.domain.ResourceAmounts;
import io.voidvm.auth.tenancy.domain.TenantIds;
import io.voidvm.auth.usage.UsageReports;
import io.voidvm.auth.usage.UsageSource;
import io.voidvm.servicekit.problem.domain.NotFoundException;
import io.voidvm.servicekit.tenancy.domain.Caller;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Quotas and usage. A tenant's quota is its row or, without one, the configured defaults: the tenant id comes
 * from the Keycloak claim, so a tenant can use the platform before an admin has created its row here.
 */
@Service
public class QuotaService {

    private final QuotaRepository quotas;
    private final TenantRepository tenants;
    private final UsageSource usage;
    private final UsageReports reports;
    private final AuditLog audit;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final ResourceAmounts defaults;

    public QuotaService(QuotaRepository quotas, TenantRepository tenants, UsageSource usage, UsageReports reports,
                        AuditLog audit, TransactionalOperator transactions, Clock clock, AuthProperties properties) {
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.usage = Objects.requireNonNull(usage, "usage");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        AuthProperties.Quotas configured = properties.defaultQuotas();
        this.defaults = ResourceAmounts.of(configured.vms(), configured.vcpus(), configured.memoryMb(),
                configured.diskGb(), configured.images(), configured.imageGb());
    }

    /** Members see their own tenant's quota, admins any; another tenant's is a 404. */
    public Mono<Quota> get(Caller caller, String tenantId) {
        return Mono.fromSupplier(() -> visible(caller, tenantId)).flatMap(this::quotaOf);
    }

    /** Replaces the tenant's limits (admin). The tenant must exist: a quota row needs its tenant row. */
    public Mono<Quota> set(Caller caller, String tenantId, ResourceAmounts limits) {
        return Mono.fromSupplier(() -> Admins.require(caller))
                .flatMap(admin -> tenants.find(tenantId))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("tenant", tenantId)))
                .flatMap(tenant -> transactions.transactional(quotaOf(tenantId)
                        .flatMap(before -> quotas.save(tenantId, limits, clock.instant())
                                .flatMap(after -> audit.record(AuditAction.QUOTA_CHANGED, caller.subject(), tenantId,
                                        tenantId, "from " + before.limits().byKey() + " to " + after.limits().byKey())
                                        .thenReturn(after)))));
    }

    /**
     * Whether the tenant may add {@code requested} (platform callers only). Allowed answers with the numbers;
     * a refusal is a {@code QuotaExceededException} naming the first resource over its limit.
     */
    public Mono<QuotaCheck> check(Caller caller, String tenantId, ResourceAmounts requested) {
        return Mono.fromSupplier(() -> {
                    Admins.require(caller);
                    return TenantIds.require(tenantId, "tenantId");
                })
                .flatMap(valid -> Mono.zip(quotaOf(valid), usage.usage(valid)))
                .flatMap(both -> {
                    ResourceAmounts limits = both.getT1().limits();
                    ResourceAmounts used = both.getT2();
                    return switch (QuotaDecision.evaluate(limits, used, requested)) {
                        case QuotaDecision.Allowed allowed -> Mono.just(new QuotaCheck(tenantId, limits, used));
                        case QuotaDecision.Exceeded exceeded -> Mono.error(exceeded.toException());
                    };
                });
    }

    /** The caller's tenant: used against limit per resource. */
    public Mono<QuotaCheck> usageOf(Caller caller) {
        return Mono.fromSupplier(caller::requireTenant)
                .flatMap(tenantId -> Mono.zip(quotaOf(tenantId), usage.usage(tenantId))
                        .map(both -> new QuotaCheck(tenantId, both.getT1().limits(), both.getT2())));
    }

    /** An owning service reports current usage (platform callers only). */
    public Mono<QuotaCheck> report(Caller caller, String tenantId, Map<QuotaResource, Long> used) {
        return Mono.fromSupplier(() -> {
                    Admins.require(caller);
                    return TenantIds.require(tenantId, "tenantId");
                })
                .flatMap(valid -> reports.report(valid, used, clock.instant()))
                .then(Mono.defer(() -> Mono.zip(quotaOf(tenantId), usage.usage(tenantId))))
                .map(both -> new QuotaCheck(tenantId, both.getT1().limits(), both.getT2()));
    }

    private Mono<Quota> quotaOf(String tenantId) {
        return quotas.find(tenantId).defaultIfEmpty(Quota.defaults(tenantId, defaults));
    }

    private static String visible(Caller caller, String tenantId) {
        if (!caller.scope().includes(tenantId)) {
            throw new NotFoundException("tenant", tenantId);
        }
        return tenantId;
    }

    /** Limits and usage of one tenant at one moment. */
    public record QuotaCheck(String tenantId, ResourceAmounts limits, ResourceAmounts used) {
    }
}
