package io.voidvm.vm.quota.app;

import io.voidvm.servicekit.problem.domain.QuotaExceededException;
import io.voidvm.vm.quota.domain.QuotaUnavailableException;
import io.voidvm.vm.quota.domain.Resources;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import reactor.core.publisher.Mono;

/**
 * An in-memory quota owner for tests: unlimited unless a test sets a tenant's limits, unreachable for the
 * tenants a test says so, and it remembers the last totals reported per tenant. It decides like auth-service:
 * the first resource (VMs, vCPUs, memory) the request would push over its limit is named.
 */
public final class FakeQuotaGate implements QuotaGate {

    private final Map<String, Resources> limits = new ConcurrentHashMap<>();
    private final Set<String> unreachable = ConcurrentHashMap.newKeySet();
    private final Map<String, Resources> reported = new ConcurrentHashMap<>();

    public void limit(String tenantId, Resources tenantLimits) {
        limits.put(tenantId, tenantLimits);
    }

    public void unreachableFor(String tenantId) {
        unreachable.add(tenantId);
    }

    public Optional<Resources> reported(String tenantId) {
        return Optional.ofNullable(reported.get(tenantId));
    }

    @Override
    public Mono<Void> admit(String tenantId, Resources inUse, Resources requested) {
        return Mono.defer(() -> {
            if (unreachable.contains(tenantId)) {
                return Mono.error(new QuotaUnavailableException("the quota cannot be checked now (fake)", null));
            }
            reported.put(tenantId, inUse);
            Resources limit = limits.get(tenantId);
            if (limit == null) {
                return Mono.empty();
            }
            return exceeded("vms", limit.vms(), inUse.vms(), requested.vms())
                    .or(() -> exceeded("vcpus", limit.vcpus(), inUse.vcpus(), requested.vcpus()))
                    .or(() -> exceeded("memoryMb", limit.memoryMb(), inUse.memoryMb(), requested.memoryMb()))
                    .<Mono<Void>>map(Mono::error)
                    .orElseGet(Mono::empty);
        });
    }

    @Override
    public Mono<Void> report(String tenantId, Resources inUse) {
        return Mono.defer(() -> {
            if (unreachable.contains(tenantId)) {
                return Mono.error(new QuotaUnavailableException("the quota cannot be checked now (fake)", null));
            }
            reported.put(tenantId, inUse);
            return Mono.empty();
        });
    }

    private static Optional<QuotaExceededException> exceeded(String quota, long limit, long used, long requested) {
        return requested > 0 && used + requested > limit
                ? Optional.of(new QuotaExceededException(quota, limit, used, requested))
                : Optional.empty();
    }

    /** Puts the fake in place of the HTTP gate in a Spring test context. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class InContext {

        @Bean
        @Primary
        FakeQuotaGate fakeQuotaGate() {
            return new FakeQuotaGate();
        }
    }
}
