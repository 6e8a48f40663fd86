package io.voidvm.auth.tenancy.domain;

import java.util.Objects;

/**
 * A tenant's limits.
 *
 * @param tenantId   whose
 * @param limits     the limit per resource
 * @param configured false while the tenant has no row of its own and the configured defaults apply
 * @param version    optimistic-lock version of the row; 0 for defaults
 */
public record Quota(String tenantId, ResourceAmounts limits, boolean configured, long version) {

    public Quota {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(limits, "limits");
    }

    public static Quota defaults(String tenantId, ResourceAmounts limits) {
        return new Quota(tenantId, limits, false, 0);
    }
}
