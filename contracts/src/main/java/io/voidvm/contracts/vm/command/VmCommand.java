package io.voidvm.contracts.vm.command;

import io.voidvm.contracts.Payload;

/**
 * A request to a node agent about one VM (the envelope's {@code vmId}). Commands that change desired
 * state implement {@link DesiredStateCommand}; the rest (reset, reboot, snapshots,
 * volume hot-plug) are one-shot actions.
 */
public sealed interface VmCommand extends Payload
        permits DesiredStateCommand, ResetVm, RebootVm, CreateSnapshot, RestoreSnapshot, DeleteSnapshot,
        AttachVolume, DetachVolume {
}
