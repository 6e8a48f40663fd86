package io.voidvm.auth.tenancy.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a tenant still owns, which keeps it from being deleted (ADR 0018): resources in use as the owning services
 * last reported them, its members and its users' live API tokens.
 *
 * @param used       reported usage per quota resource
 * @param members    memberships in the tenant
 * @param liveTokens API tokens of the tenant neither revoked nor expired
 */
public record TenantHoldings(ResourceAmounts used, long members, long liveTokens) {

    public TenantHoldings {
        Objects.requireNonNull(used, "used");
    }

    public boolean isEmpty() {
        return members == 0 && liveTokens == 0
                && used.amounts().values().stream().allMatch(amount -> amount == 0);
    }

    /** "vms=2, diskGb=40, 1 member, 3 live API tokens": what is held, nothing that is zero. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (QuotaResource resource : QuotaResource.values()) {
            long amount = used.get(resource);
            if (amount > 0) {
                parts.add(resource.key() + "=" + amount);
            }
        }
        if (members > 0) {
            parts.add(members + (members == 1 ? " member" : " members"));
        }
        if (liveTokens > 0) {
            parts.add(liveTokens + (liveTokens == 1 ? " live API token" : " live API tokens"));
        }
        return String.join(", ", parts);
    }
}
