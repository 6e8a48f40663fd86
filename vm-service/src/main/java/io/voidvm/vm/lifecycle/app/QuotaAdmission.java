package io.voidvm.vm.lifecycle.app;

import io.voidvm.vm.lifecycle.db.VmRepository;
import io.voidvm.vm.lifecycle.domain.Vm;
import io.voidvm.vm.quota.app.QuotaGate;
import io.voidvm.vm.quota.domain.Resources;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Quotas at the points where VMs grow: asks the quota owner before a create or an update that adds vCPUs or
 * memory, sending this service's own count of what the tenant holds; and tells it the new totals after a
 * change, and after a VM's row goes (its node reported the delete done). Reporting is fire-and-forget: a lost report only delays {@code /users/usage}, because every check
 * sends fresh totals anyway.
 */
@Component
public class QuotaAdmission {

    private static final Logger log = LoggerFactory.getLogger(QuotaAdmission.class);

    private final VmRepository vms;
    private final QuotaGate gate;

    QuotaAdmission(VmRepository vms, QuotaGate gate) {
        this.vms = Objects.requireNonNull(vms, "vms");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /** Completes empty when a new VM of this size fits the tenant's quota. */
    Mono<Void> admitNew(Vm vm) {
        return admit(vm.tenantId(), Resources.oneVm(vm.cpuCores(), vm.memoryMb()));
    }

    /** Completes empty when growing {@code before} to {@code after} fits; shrinking always does. */
    Mono<Void> admitGrowth(Vm before, Vm after) {
        Resources growth = Resources.growth(before.cpuCores(), before.memoryMb(), after.cpuCores(), after.memoryMb());
        return growth.isNone() ? Mono.empty() : admit(before.tenantId(), growth);
    }

    /** Sends the tenant's totals in the background; failures are logged, never the caller's problem. */
    void reportLater(String tenantId) {
        vms.usage(tenantId)
                .flatMap(inUse -> gate.report(tenantId, inUse))
                .subscribe(null, failure -> log.warn("usage of tenant {} not reported: {}", tenantId,
                        failure.getMessage()));
    }

    /**
     * Sends the tenant's totals in the background once the current transaction has committed (at once when there is
     * none), so the report no longer counts what the transaction removed. Completes at once; never fails.
     */
    public Mono<Void> reportAfterCommit(String tenantId) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .filter(TransactionSynchronizationManager::isSynchronizationActive)
                .doOnNext(transaction -> transaction.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public Mono<Void> afterCommit() {
                        reportLater(tenantId);
                        return Mono.empty();
                    }
                }))
                .switchIfEmpty(Mono.fromRunnable(() -> reportLater(tenantId)))
                .onErrorResume(NoTransactionException.class, none -> Mono.fromRunnable(() -> reportLater(tenantId)))
                .then();
    }

    private Mono<Void> admit(String tenantId, Resources requested) {
        return vms.usage(tenantId).flatMap(inUse -> gate.admit(tenantId, inUse, requested));
    }
}
