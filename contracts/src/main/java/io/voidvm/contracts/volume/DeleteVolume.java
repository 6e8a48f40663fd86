package io.voidvm.contracts.volume;

import java.util.Objects;

/** Remove a volume's file. storage-service sends it only for a detached volume. */
public record DeleteVolume(VolumeLocation location) implements VolumeCommand {

    public DeleteVolume {
        Objects.requireNonNull(location, "location is required");
    }
}
