package io.voidvm.auth.usage;

import io.voidvm.auth.tenancy.domain.QuotaResource;
import java.time.Instant;
import java.util.Map;
import reactor.core.publisher.Mono;

/** Where the services that own resources report a tenant's current usage (absolute values, not deltas). */
public interface UsageReports {

    /** Sets the named resources to these values; resources not named keep theirs. */
    Mono<Void> report(String tenantId, Map<QuotaResource, Long> used, Instant at);

    /** Drops everything reported for a tenant that is being deleted. */
    Mono<Void> forget(String tenantId);
}
