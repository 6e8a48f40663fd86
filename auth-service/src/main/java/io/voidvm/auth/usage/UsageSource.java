package io.voidvm.auth.usage;

import io.voidvm.auth.tenancy.domain.ResourceAmounts;
import reactor.core.publisher.Mono;

/**
 * What a tenant uses now. Narrow on purpose: today it is the table the owning services report into; it can
 * become a projection of their events (or a query to them) without touching quota checks.
 */
public interface UsageSource {

    /** Usage per resource; a resource nobody reported counts as zero. */
    Mono<ResourceAmounts> usage(String tenantId);
}
