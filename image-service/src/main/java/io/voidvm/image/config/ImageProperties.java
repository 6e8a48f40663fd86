package io.voidvm.image.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of image-service.
 *
 * @param blobStoreDir   root of the content-addressed blob store ({@code <dir>/sha256/<hex>}); created if missing
 * @param maxUploadSize  largest image a client may upload or import (e.g. {@code 20GB})
 * @param qemuImgBinary  the {@code qemu-img} that inspects every image before it becomes usable
 * @param importTimeout  how long a URL import may run before it is abandoned
 */
@Validated
@ConfigurationProperties("voidvm.image")
public record ImageProperties(
        @NotNull @CreatableDirectory Path blobStoreDir,
        @NotNull DataSize maxUploadSize,
        @NotBlank String qemuImgBinary,
        @NotNull @DurationMin(seconds = 10) @DurationMax(hours = 24) Duration importTimeout) {

    private static final DataSize SMALLEST_UPLOAD = DataSize.ofMegabytes(1);
    private static final DataSize LARGEST_UPLOAD = DataSize.ofTerabytes(2);

    @AssertTrue(message = "voidvm.image.max-upload-size must be between 1MB and 2TB")
    public boolean isMaxUploadSizeSane() {
        return maxUploadSize == null
                || (maxUploadSize.compareTo(SMALLEST_UPLOAD) >= 0 && maxUploadSize.compareTo(LARGEST_UPLOAD) <= 0);
    }
}
