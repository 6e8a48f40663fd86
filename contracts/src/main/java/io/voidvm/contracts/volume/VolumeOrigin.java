package io.voidvm.contracts.volume;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.voidvm.contracts.vm.spec.DiskFormat;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** What a new volume starts with. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = VolumeOrigin.Blank.class, name = "BLANK"),
        @JsonSubTypes.Type(value = VolumeOrigin.FromImage.class, name = "IMAGE")
})
public sealed interface VolumeOrigin {

    /** Zeroes: a thin qcow2 of the requested size. */
    record Blank() implements VolumeOrigin {
    }

    /**
     * The contents of an image. The agent fetches the blob from image-service by its content address
     * (never from a URL in the message), verifies the SHA-256, keeps it in its image cache, and builds the
     * volume from it.
     *
     * @param sha256      the image's content address (lowercase hex)
     * @param imageFormat the format of the blob ({@code QCOW2} or {@code RAW})
     */
    record FromImage(UUID imageId, String sha256, DiskFormat imageFormat) implements VolumeOrigin {
        private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

        public FromImage {
            Objects.requireNonNull(imageId, "imageId is required");
            if (sha256 == null || !SHA256.matcher(sha256).matches()) {
                throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits, got '" + sha256 + "'");
            }
            Objects.requireNonNull(imageFormat, "imageFormat is required");
        }
    }
}
