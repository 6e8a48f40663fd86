package io.voidvm.vm.lifecycle.app;

import io.voidvm.vm.lifecycle.domain.Vm;
import io.voidvm.vm.operation.domain.Operation;
import java.util.Objects;

/**
 * A request on a VM that was taken: the VM as stored afterwards and the operation that tracks it.
 *
 * @param vm the VM as stored afterwards; for a VM removed at once it is the last state, no longer stored
 */
public record Accepted(Vm vm, Operation operation) {

    public Accepted {
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(operation, "operation");
    }
}
