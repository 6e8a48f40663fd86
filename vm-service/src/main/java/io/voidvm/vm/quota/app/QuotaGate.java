package io.voidvm.vm.quota.app;

import io.voidvm.vm.quota.domain.Resources;
import reactor.core.publisher.Mono;

/**
 * vm-service's view of the quota owner (auth-service). Narrow on purpose: one real adapter over HTTP, one fake
 * for tests.
 */
public interface QuotaGate {

    /**
     * Completes empty when the tenant, now holding {@code inUse}, may add {@code requested}. Fails with
     * {@link io.voidvm.servicekit.problem.domain.QuotaExceededException} naming the quota and its numbers when it
     * may not, and with {@link io.voidvm.vm.quota.domain.QuotaUnavailableException} when nobody can say.
     * {@code inUse} is vm-service's own count, so the decision never rests on a stale earlier report.
     */
    Mono<Void> admit(String tenantId, Resources inUse, Resources requested);

    /** Tells the quota owner what the tenant holds now (absolute totals, not deltas). */
    Mono<Void> report(String tenantId, Resources inUse);
}
