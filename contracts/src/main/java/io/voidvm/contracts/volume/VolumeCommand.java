package io.voidvm.contracts.volume;

import io.voidvm.contracts.Payload;

/**
 * A request to the node agent that holds a volume's pool. Sent on the node's command topic
 * ({@code voidvm.node.<node>.commands}), keyed by volumeId. Every command is idempotent against the file on
 * disk: creating a volume that exists with the right size succeeds, deleting one that is gone succeeds.
 */
public sealed interface VolumeCommand extends Payload, VolumeScoped
        permits CreateVolume, ResizeVolume, DeleteVolume {

    VolumeLocation location();

    @Override
    default java.util.UUID volumeId() {
        return location().volumeId();
    }
}
