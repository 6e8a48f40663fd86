package io.voidvm.contracts.vm.command;

import io.voidvm.contracts.vm.spec.VmSpec;
import java.util.Objects;

/**
 * Creates or replaces the VM's spec on the node without changing its power state. Sent before the
 * first start and after every spec edit; a running VM picks up the new spec on its next start.
 */
public record DefineVm(VmSpec spec, long generation) implements DesiredStateCommand {

    public DefineVm {
        Objects.requireNonNull(spec, "spec is required");
        DesiredStateCommand.requireGeneration(generation);
    }
}
