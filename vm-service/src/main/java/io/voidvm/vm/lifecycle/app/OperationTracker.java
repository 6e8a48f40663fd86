package io.voidvm.vm.lifecycle.app;

import io.voidvm.vm.lifecycle.domain.Vm;
import io.voidvm.vm.operation.db.OperationRepository;
import io.voidvm.vm.operation.domain.Operation;
import java.time.Instant;
import java.util.Objects;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Re-evaluates a VM's open operations after the VM changed: a status report may finish them, a later request
 * may supersede them, a deletion fails them. Runs inside the transaction that stored the change.
 */
@Component
public class OperationTracker {

    private final OperationRepository operations;

    public OperationTracker(OperationRepository operations) {
        this.operations = Objects.requireNonNull(operations, "operations");
    }

    public Mono<Void> trackOpen(Vm vm, Instant now) {
        return operations.openForUpdate(vm.id())
                .concatMap(open -> {
                    Operation tracked = open.track(vm, now);
                    return tracked.equals(open) ? Mono.empty() : operations.update(tracked);
                })
                .then();
    }
}
