package io.voidvm.image.catalog.domain;

import io.voidvm.contracts.vm.spec.OsType;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One catalog entry. The blob fields ({@code sha256}, {@code format}, sizes) are set once the bytes arrived and
 * passed validation; several images may share one blob.
 *
 * @param osVersion        the user's version label ("12", "24.04"); the API calls it {@code version}
 * @param bytesDone        bytes received so far (upload or URL import)
 * @param bytesTotal       bytes expected, when the client or the remote server said
 * @param expectedSha256   the checksum the client promised, checked when the bytes are complete
 * @param version          optimistic-locking version of the row
 */
public record Image(
        UUID id,
        String tenantId,
        String name,
        String description,
        OsType osType,
        String osVersion,
        Visibility visibility,
        String createdBy,
        ImageStatus status,
        String statusReason,
        DiskFormat format,
        String sha256,
        Long sizeBytes,
        Long virtualSizeBytes,
        String sourceUrl,
        String expectedSha256,
        long bytesDone,
        Long bytesTotal,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public Image {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(visibility, "visibility");
    }

    public boolean isPublic() {
        return visibility == Visibility.PUBLIC;
    }

    /** A new image waiting for its bytes. */
    public static Image accepted(UUID id, NewImage spec, String tenantId, String createdBy, Instant now) {
        return new Image(id, tenantId, spec.name(), spec.description(), spec.osType(), spec.osVersion(),
                spec.visibility(), createdBy, ImageStatus.UPLOADING, null, null, null, null, null,
                spec.sourceUrl() == null ? null : spec.sourceUrl().toString(), spec.expectedSha256(), 0, null, 0,
                now, now);
    }
}
