package io.voidvm.contracts.vm.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.voidvm.contracts.RelativePath;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where a disk's bytes come from. A new kind is a new record here plus one {@code @JsonSubTypes} line;
 * the {@code kind} discriminator keeps each kind's fields apart instead of one record of nullable ids.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = DiskSource.TestDisk.class, name = "TEST_DISK"),
        @JsonSubTypes.Type(value = DiskSource.Image.class, name = "IMAGE"),
        @JsonSubTypes.Type(value = DiskSource.Volume.class, name = "VOLUME")
})
public sealed interface DiskSource {

    /**
     * A disk file the agent already has (tests and development).
     *
     * @param path relative to the agent's test-disk directory; no absolute paths and no {@code ..}, so a
     *             message can never point the agent at an arbitrary host file
     */
    record TestDisk(String path) implements DiskSource {
        private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

        public TestDisk {
            Objects.requireNonNull(path, "test disk path is required");
            for (String segment : path.split("/", -1)) {
                if (!SEGMENT.matcher(segment).matches()) {
                    throw new IllegalArgumentException("test disk path must be relative without '..', got '"
                            + path + "'");
                }
            }
        }
    }

    /**
     * A copy-on-write overlay over an image from image-service.
     *
     * @param sha256 the image's content address (lowercase hex); lets the agent cache and verify the blob
     */
    record Image(UUID imageId, String sha256) implements DiskSource {
        private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

        public Image {
            Objects.requireNonNull(imageId, "imageId is required");
            if (sha256 == null || !SHA256.matcher(sha256).matches()) {
                throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits, got '" + sha256 + "'");
            }
        }
    }

    /**
     * A volume from storage-service, attached to this VM. Its file is
     * {@code <agent pools root>/<poolPath>/<volumeId>.<disk format>}, as in
     * {@code io.voidvm.contracts.volume.VolumeLocation}.
     *
     * @param poolPath relative directory of the volume's pool under the agent's pools root
     */
    record Volume(UUID volumeId, String poolPath) implements DiskSource {
        public Volume {
            Objects.requireNonNull(volumeId, "volumeId is required");
            RelativePath.require(poolPath, "poolPath");
        }
    }
}
