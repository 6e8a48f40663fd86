package io.voidvm.contracts.volume;

import java.util.Objects;

/**
 * Create a volume's file: a thin qcow2 of {@code sizeBytes}, blank or filled from an image. When the image is
 * larger than {@code sizeBytes} the agent fails the command (it never shrinks an image).
 */
public record CreateVolume(VolumeLocation location, long sizeBytes, VolumeOrigin origin) implements VolumeCommand {

    public CreateVolume {
        Objects.requireNonNull(location, "location is required");
        if (sizeBytes < 1) {
            throw new IllegalArgumentException("sizeBytes must be positive, got " + sizeBytes);
        }
        Objects.requireNonNull(origin, "origin is required");
    }
}
