package io.voidvm.contracts.vm.command;

/** Ask the guest to reboot via ACPI; an action, so no generation. */
public record RebootVm() implements VmCommand {
}
