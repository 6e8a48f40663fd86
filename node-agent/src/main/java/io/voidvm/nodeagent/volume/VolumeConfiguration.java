package io.voidvm.nodeagent.volume;

import io.micrometer.core.instrument.MeterRegistry;
import io.voidvm.nodeagent.config.Executables;
import io.voidvm.nodeagent.volume.domain.PoolPaths;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the disk tool, the image cache and the pools from {@link VolumeProperties}. */
@Configuration(proxyBeanMethods = false)
class VolumeConfiguration {

    @Bean
    DiskTool diskTool(VolumeProperties volumes, ObjectProvider<MeterRegistry> meters) {
        NodeLimit limit = NodeLimit.diskTools(volumes.maxConcurrentDiskTools(), volumes.maxWaitingDiskTools(),
                volumes.slotWaitTimeout());
        meters.ifAvailable(limit::bindTo);
        return new QemuImgDiskTool(Executables.onPath(volumes.qemuImg()), volumes.diskToolTimeout(), limit);
    }

    @Bean
    AccessTokens platformTokens(VolumeProperties volumes) {
        VolumeProperties.Platform platform = volumes.platform();
        return new PlatformTokens(platform.tokenUrl(), platform.clientId(), platform.clientSecret());
    }

    @Bean
    VolumeDisks volumeDisks(VolumeProperties volumes, DiskTool tool, AccessTokens tokens, Clock clock,
            ObjectProvider<MeterRegistry> meters) {
        BlobSource blobs = new HttpBlobSource(volumes.imageServiceUrl(), tokens, volumes.downloadTimeout(),
                volumes.downloadTimeout());
        NodeLimit slots = NodeLimit.downloads(volumes.maxConcurrentDownloads(), volumes.maxWaitingDownloads(),
                volumes.slotWaitTimeout());
        meters.ifAvailable(slots::bindTo);
        ImageCache.Downloads downloads = new ImageCache.Downloads(slots, volumes.downloadTimeout(),
                volumes.downloadDeadline());
        // the cache asks the disks which bases are in use, and the disks build volumes on the cache's blobs
        AtomicReference<VolumeDisks> disks = new AtomicReference<>();
        ImageCache images = new ImageCache(volumes.imageCacheDir(), volumes.imageCacheMaxSize().toBytes(), blobs,
                () -> disks.get().basesInUse(), clock, downloads);
        disks.set(new VolumeDisks(new PoolPaths(volumes.poolsRoot().toAbsolutePath()), tool, images));
        return disks.get();
    }
}
