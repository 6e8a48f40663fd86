package io.voidvm.nodeagent.volume;

import io.voidvm.nodeagent.config.CreatableDirectory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Storage on this node ({@code voidvm.nodeagent.volumes.*}).
 *
 * @param poolsRoot         root of the storage pools: a volume lives at {@code <poolsRoot>/<poolPath>/<id>.<format>}
 * @param imageCacheDir     verified image blobs, {@code <dir>/<sha256>}; bases of image volumes
 * @param imageCacheMaxSize above it the least recently used blobs that no volume uses are evicted
 * @param imageServiceUrl   base URL of image-service; blobs come from {@code /internal/v1/blobs/{sha256}}
 * @param platform          the platform client the agent authenticates as (client-credentials grant)
 * @param volumeWaitTimeout how long a VM start waits for a volume file that is not there yet
 * @param qemuImg           the {@code qemu-img} binary, looked up on PATH unless absolute
 * @param diskToolTimeout   time limit of one {@code qemu-img} run
 * @param unplugTimeout     how long a detach waits for the guest to release the device
 * @param downloadTimeout   connect timeout of blob downloads, wait for the response, and longest pause between two
 *                          bytes of the body (a transfer silent for longer breaks off and is resumed)
 * @param downloadDeadline  the whole download of one blob, every attempt included: past it the download is
 *                          abandoned, its partial file deleted, and the volume fails {@code IMAGE_DOWNLOAD_TIMED_OUT}
 * @param maxConcurrentDownloads  blob downloads running at once on this node
 * @param maxWaitingDownloads     downloads that may wait for a slot; beyond it a request fails {@code AGENT_BUSY}
 * @param maxConcurrentDiskTools  {@code qemu-img} processes running at once on this node
 * @param maxWaitingDiskTools     {@code qemu-img} runs that may wait for a slot; beyond it {@code AGENT_BUSY}
 * @param slotWaitTimeout   longest wait for a download or {@code qemu-img} slot; then {@code AGENT_BUSY}
 */
@Validated
@ConfigurationProperties("voidvm.nodeagent.volumes")
public record VolumeProperties(
        @NotNull @CreatableDirectory Path poolsRoot,
        @NotNull @CreatableDirectory Path imageCacheDir,
        @NotNull @DefaultValue("20GB") DataSize imageCacheMaxSize,
        @NotNull URI imageServiceUrl,
        @NotNull @Valid Platform platform,
        @NotNull @DefaultValue("5m") @DurationMin(seconds = 1) @DurationMax(hours = 1) Duration volumeWaitTimeout,
        @NotBlank @DefaultValue("qemu-img") String qemuImg,
        @NotNull @DefaultValue("10m") @DurationMin(seconds = 1) Duration diskToolTimeout,
        @NotNull @DefaultValue("30s") @DurationMin(millis = 100) Duration unplugTimeout,
        @NotNull @DefaultValue("30s") @DurationMin(millis = 100) Duration downloadTimeout,
        @NotNull @DefaultValue("1h") @DurationMin(seconds = 1) @DurationMax(hours = 24) Duration downloadDeadline,
        @Min(1) @Max(64) @DefaultValue("2") int maxConcurrentDownloads,
        @Min(0) @Max(10_000) @DefaultValue("32") int maxWaitingDownloads,
        @Min(1) @Max(64) @DefaultValue("2") int maxConcurrentDiskTools,
        @Min(0) @Max(10_000) @DefaultValue("64") int maxWaitingDiskTools,
        @NotNull @DefaultValue("10m") @DurationMin(seconds = 1) @DurationMax(hours = 1) Duration slotWaitTimeout) {

    public VolumeProperties {
        if (imageCacheMaxSize != null && imageCacheMaxSize.toBytes() < 1) {
            throw new IllegalArgumentException("voidvm.nodeagent.volumes.image-cache-max-size must be positive");
        }
        if (imageServiceUrl != null && !("http".equals(imageServiceUrl.getScheme())
                || "https".equals(imageServiceUrl.getScheme()))) {
            throw new IllegalArgumentException("voidvm.nodeagent.volumes.image-service-url must be http(s), got "
                    + imageServiceUrl);
        }
        if (downloadTimeout != null && downloadDeadline != null && downloadDeadline.compareTo(downloadTimeout) < 0) {
            throw new IllegalArgumentException("voidvm.nodeagent.volumes.download-deadline (" + downloadDeadline
                    + ") must not be shorter than voidvm.nodeagent.volumes.download-timeout (" + downloadTimeout + ")");
        }
    }

    /**
     * @param tokenUrl     the token endpoint of the platform's issuer
     * @param clientId     e.g. {@code voidvm-platform}
     * @param clientSecret never logged
     */
    public record Platform(@NotNull URI tokenUrl, @NotBlank String clientId, @NotBlank String clientSecret) {

        @Override
        public String toString() {
            return "Platform[tokenUrl=" + tokenUrl + ", clientId=" + clientId + ", clientSecret=***]";
        }
    }
}
