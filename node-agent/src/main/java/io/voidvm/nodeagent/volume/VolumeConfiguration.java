package io.voidvm.nodeagent.volume;

import io.voidvm.nodeagent.config.Executables;
import io.voidvm.nodeagent.volume.domain.PoolPaths;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the disk tool, the image cache and the pools from {@link VolumeProperties}. */
@Configuration(proxyBeanMethods = false)
class VolumeConfiguration {

    @Bean
    DiskTool diskTool(VolumeProperties volumes) {
        return new QemuImgDiskTool(Executables.onPath(volumes.qemuImg()), volumes.diskToolTimeout());
    }

    @Bean
    AccessTokens platformTokens(VolumeProperties volumes) {
        VolumeProperties.Platform platform = volumes.platform();
        return new PlatformTokens(platform.tokenUrl(), platform.clientId(), platform.clientSecret());
    }

    @Bean
    VolumeDisks volumeDisks(VolumeProperties volumes, DiskTool tool, AccessTokens tokens, Clock clock) {
        BlobSource blobs = new HttpBlobSource(volumes.imageServiceUrl(), tokens, volumes.downloadTimeout(),
                volumes.downloadTimeout());
        // the cache asks the disks which bases are in use, and the disks build volumes on the cache's blobs
        AtomicReference<VolumeDisks> disks = new AtomicReference<>();
        ImageCache images = new ImageCache(volumes.imageCacheDir(), volumes.imageCacheMaxSize().toBytes(), blobs,
                () -> disks.get().basesInUse(), clock);
        disks.set(new VolumeDisks(new PoolPaths(volumes.poolsRoot().toAbsolutePath()), tool, images));
        return disks.get();
    }
}
