package io.voidvm.storage.volume.app;

import io.voidvm.servicekit.sweep.PeriodicSweep;
import io.voidvm.servicekit.sweep.Sweeps;
import io.voidvm.storage.config.StorageProperties;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** storage-service's periodic jobs, each a service-kit {@link PeriodicSweep}. */
@Configuration(proxyBeanMethods = false)
class VolumeSweeps {

    /** Overdue volume commands: sent again, or given up on (ADR 0009, ADR 0013). */
    @Bean
    PeriodicSweep awaitedVolumeCommandSweep(Sweeps sweeps, AwaitedCommandResender resender,
                                            StorageProperties properties) {
        return sweeps.every("awaited-volume-commands", properties.pending().checkInterval(), resender::check);
    }

    @Bean
    PeriodicSweep processedMessagePurgeSweep(Sweeps sweeps, VolumeEventHandler events) {
        return sweeps.every("processed-message-purge", Duration.ofHours(1), events::purgeProcessedIds);
    }

    @Bean
    PeriodicSweep idempotencyKeyPurgeSweep(Sweeps sweeps, VolumeService service) {
        return sweeps.every("idempotency-key-purge", Duration.ofMinutes(10), service::purgeIdempotencyKeys);
    }
}
