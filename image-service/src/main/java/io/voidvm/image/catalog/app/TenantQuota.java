package io.voidvm.image.catalog.app;

import io.voidvm.image.catalog.domain.ImageUsage;
import reactor.core.publisher.Mono;

/**
 * image-service's view of the quota owner (auth-service): the tenant's {@code images} and {@code imageGb} quotas.
 * One real adapter over HTTP, a fake in tests.
 */
public interface TenantQuota {

    /**
     * Reports {@code inUse} (so the decision never rests on a stale report), then asks whether the tenant may add
     * {@code moreImages} images and {@code moreGb} GiB.
     *
     * @return the tenant's {@code imageGb} limit, for checking a stream whose size nobody declared
     * @throws io.voidvm.servicekit.problem.domain.QuotaExceededException (as the error) naming the quota
     * @throws io.voidvm.image.catalog.domain.ImageRefusal.QuotaUnknown (as the error) when nobody can say
     */
    Mono<Long> admit(String tenantId, ImageUsage inUse, long moreImages, long moreGb);

    /** Tells the quota owner what the tenant holds now (absolute totals). */
    Mono<Void> report(String tenantId, ImageUsage inUse);

    /** No quota at all ({@code voidvm.image.quota.enabled=false}). */
    static TenantQuota unlimited() {
        return new TenantQuota() {
            @Override
            public Mono<Long> admit(String tenantId, ImageUsage inUse, long moreImages, long moreGb) {
                return Mono.just(Long.MAX_VALUE);
            }

            @Override
            public Mono<Void> report(String tenantId, ImageUsage inUse) {
                return Mono.empty();
            }
        };
    }
}
