package io.voidvm.vm.idempotency;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the scheduled purge of old keys. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IdempotencyConfiguration {
}
