package io.voidvm.image.catalog.web;

import io.voidvm.contracts.vm.spec.OsType;
import io.voidvm.image.catalog.domain.DiskFormat;
import io.voidvm.image.catalog.domain.Image;
import io.voidvm.image.catalog.domain.ImageStatus;
import io.voidvm.image.catalog.domain.Visibility;
import java.time.Instant;
import java.util.UUID;

/**
 * An image as clients see it.
 *
 * @param version          the image's version label (not a row version)
 * @param format           qcow2, raw or iso, once validated
 * @param fileSizeBytes    bytes of the stored file
 * @param virtualSizeBytes size of the disk the image describes
 * @param progress         bytes received so far and bytes expected (null when unknown), while UPLOADING
 */
record ImageView(
        UUID id,
        String tenantId,
        String name,
        String description,
        OsType osType,
        String version,
        String format,
        Long fileSizeBytes,
        Long virtualSizeBytes,
        String sha256,
        Visibility visibility,
        String createdBy,
        ImageStatus status,
        String statusReason,
        String sourceUrl,
        Progress progress,
        Instant createdAt,
        Instant updatedAt) {

    record Progress(long bytesDone, Long bytesTotal) {
    }

    static ImageView of(Image image) {
        DiskFormat format = image.format();
        return new ImageView(image.id(), image.tenantId(), image.name(), image.description(), image.osType(),
                image.osVersion(), format == null ? null : format.wireName(), image.sizeBytes(),
                image.virtualSizeBytes(), image.sha256(), image.visibility(), image.createdBy(), image.status(),
                image.statusReason(), image.sourceUrl(), new Progress(image.bytesDone(), image.bytesTotal()),
                image.createdAt(), image.updatedAt());
    }

    static String location(UUID id) {
        return "/api/v1/images/" + id;
    }
}
