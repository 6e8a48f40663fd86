package io.voidvm.vm.idempotency;

import io.voidvm.servicekit.sweep.PeriodicSweep;
import io.voidvm.servicekit.sweep.Sweeps;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The periodic purge of old keys. */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    @Bean
    PeriodicSweep idempotencyKeyPurgeSweep(Sweeps sweeps, IdempotentRequests requests) {
        return sweeps.every("idempotency-key-purge", Duration.ofMinutes(10), requests::purge);
    }
}
