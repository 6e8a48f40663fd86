package io.voidvm.contracts.vm.event;

import io.voidvm.contracts.Payload;

/** Something a node agent observed about one VM (the envelope's {@code vmId}). */
public sealed interface VmEvent extends Payload permits VmStatusChanged, CommandResult, SnapshotEvent {
}
