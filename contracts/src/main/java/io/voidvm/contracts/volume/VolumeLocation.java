package io.voidvm.contracts.volume;

import io.voidvm.contracts.RelativePath;
import io.voidvm.contracts.vm.spec.DiskFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a volume's file lives on its node: {@code <agent pools root>/<poolPath>/<volumeId>.<format>}. The pool
 * path is relative and has no {@code ..}, so a message can never point the agent outside its pools root.
 *
 * @param poolPath relative directory of the pool under the agent's pools root, e.g. {@code default}
 */
public record VolumeLocation(String poolPath, UUID volumeId, DiskFormat format) {
    public VolumeLocation {
        RelativePath.require(poolPath, "poolPath");
        Objects.requireNonNull(volumeId, "volumeId is required");
        Objects.requireNonNull(format, "format is required");
    }

    /** File name of the volume inside its pool directory. */
    public String fileName() {
        return volumeId + "." + format.name().toLowerCase(Locale.ROOT);
    }
}
