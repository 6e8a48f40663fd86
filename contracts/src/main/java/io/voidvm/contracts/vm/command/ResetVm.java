package io.voidvm.contracts.vm.command;

/** Hard reset of a running VM (QMP {@code system_reset}); an action, so no generation. */
public record ResetVm() implements VmCommand {
}
