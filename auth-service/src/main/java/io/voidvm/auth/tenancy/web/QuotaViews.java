package io.voidvm.auth.tenancy.web;

import io.voidvm.auth.tenancy.app.QuotaService.QuotaCheck;
import io.voidvm.auth.tenancy.domain.Quota;
import io.voidvm.auth.tenancy.domain.QuotaResource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** JSON views of quotas and usage. */
final class QuotaViews {

    private QuotaViews() {
    }

    /** A tenant's limits; {@code configured} is false while the defaults apply. */
    record QuotaView(String tenantId, Map<String, Long> limits, boolean configured) {
        static QuotaView of(Quota quota) {
            return new QuotaView(quota.tenantId(), quota.limits().byKey(), quota.configured());
        }
    }

    /** One resource: what is used against what is allowed. */
    record ResourceUsage(String resource, long used, long limit) {
    }

    /** Used against limit for every resource of a tenant. */
    record UsageView(String tenantId, List<ResourceUsage> resources) {
        static UsageView of(QuotaCheck check) {
            return new UsageView(check.tenantId(), Arrays.stream(QuotaResource.values())
                    .map(resource -> new ResourceUsage(resource.key(), check.used().get(resource),
                            check.limits().get(resource)))
                    .toList());
        }
    }

    /** A positive quota check (a negative one is a {@code quota-exceeded} problem). */
    record QuotaCheckView(boolean allowed, String tenantId, List<ResourceUsage> resources) {
        static QuotaCheckView allowed(QuotaCheck check) {
            return new QuotaCheckView(true, check.tenantId(), UsageView.of(check).resources());
        }
    }
}
