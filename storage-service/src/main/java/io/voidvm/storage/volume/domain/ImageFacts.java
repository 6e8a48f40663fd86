package io.voidvm.storage.volume.domain;

import io.voidvm.contracts.vm.spec.DiskFormat;
import io.voidvm.servicekit.problem.domain.ConflictException;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * What storage-service needs to know of an image to build a volume from it (image-service's internal view).
 *
 * @param format           the blob's format as image-service names it ({@code qcow2}, {@code raw}, {@code iso})
 * @param virtualSizeBytes the guest-visible size; a volume cannot be smaller
 */
public record ImageFacts(UUID id, String tenantId, boolean isPublic, String status, String sha256, String format,
                         Long virtualSizeBytes) {

    public static final String READY = "READY";

    public ImageFacts {
        Objects.requireNonNull(id, "id");
    }

    /**
     * Checks that the tenant may build a volume from this image.
     *
     * @throws InvalidRequestException naming {@code imageId} when the tenant cannot see it or it cannot back a disk
     * @throws ConflictException       when it is not READY yet
     */
    public DiskFormat requireUsableBy(String tenant) {
        if (!isPublic && !Objects.equals(tenantId, tenant)) {
            throw new InvalidRequestException("imageId", "image " + id + " does not exist");
        }
        if (!READY.equals(status)) {
            throw new ConflictException("image " + id + " is " + status + ", not READY", status);
        }
        if (sha256 == null || virtualSizeBytes == null) {
            throw new InvalidRequestException("imageId", "image " + id + " has no content yet");
        }
        return diskFormat();
    }

    /** @throws InvalidRequestException naming {@code imageId} unless the image is qcow2 or raw */
    public DiskFormat diskFormat() {
        return switch (format == null ? "" : format.toLowerCase(Locale.ROOT)) {
            case "qcow2" -> DiskFormat.QCOW2;
            case "raw" -> DiskFormat.RAW;
            default -> throw new InvalidRequestException("imageId",
                    "image " + id + " is " + format + "; only qcow2 and raw images can seed a volume");
        };
    }
}
