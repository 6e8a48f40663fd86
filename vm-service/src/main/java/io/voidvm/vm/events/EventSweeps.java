package io.voidvm.vm.events;

import io.voidvm.servicekit.sweep.PeriodicSweep;
import io.voidvm.servicekit.sweep.Sweeps;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The periodic purge of processed message ids. */
@Configuration(proxyBeanMethods = false)
class EventSweeps {

    @Bean
    PeriodicSweep processedMessagePurgeSweep(Sweeps sweeps, VmEventHandler events) {
        return sweeps.every("processed-message-purge", Duration.ofHours(1), events::purgeProcessedIds);
    }
}
