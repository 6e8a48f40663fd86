package io.voidvm.storage.volume.app;

import reactor.core.publisher.Mono;

/** The tenant's {@code diskGb} quota (auth-service). */
public interface TenantQuota {

    /** Errors with a {@code QuotaExceededException} when {@code moreGb} would take the tenant past its quota. */
    Mono<Void> requireRoom(String tenantId, long moreGb);

    /** Tells the quota owner the tenant's current total; best effort, never fails the caller. */
    Mono<Void> reportUsage(String tenantId, long totalGb);

    /** No quota at all ({@code voidvm.storage.clients.quota-checks=false}). */
    static TenantQuota unlimited() {
        return new TenantQuota() {
            @Override
            public Mono<Void> requireRoom(String tenantId, long moreGb) {
                return Mono.empty();
            }

            @Override
            public Mono<Void> reportUsage(String tenantId, long totalGb) {
                return Mono.empty();
            }
        };
    }
}
