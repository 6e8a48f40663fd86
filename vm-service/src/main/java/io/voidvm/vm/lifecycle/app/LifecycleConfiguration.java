package io.voidvm.vm.lifecycle.app;

import io.voidvm.contracts.envelope.Envelopes;
import io.voidvm.contracts.envelope.MessageIds;
import io.voidvm.vm.config.VmProperties;
import io.voidvm.vm.lifecycle.domain.VmCommandFactory;
import io.voidvm.vm.lifecycle.domain.VmSpecRenderer;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock, id generator and command factory the lifecycle use cases share. */
@Configuration(proxyBeanMethods = false)
class LifecycleConfiguration {

    /** Ticks in microseconds, PostgreSQL's timestamp precision, so an answer shows what a later read returns. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    /** UUIDv7 for VMs and operations too: time-ordered ids keep the indexes append-mostly. */
    @Bean
    MessageIds messageIds(Clock clock) {
        return new MessageIds(clock);
    }

    @Bean
    Envelopes envelopes(Clock clock, MessageIds ids) {
        return new Envelopes(clock, ids);
    }

    @Bean
    VmSpecRenderer vmSpecRenderer() {
        return new TestDiskSpecRenderer();
    }

    @Bean
    VmCommandFactory vmCommandFactory(VmProperties properties, VmSpecRenderer renderer) {
        return new VmCommandFactory(properties.defaultStopTimeout(), renderer);
    }
}
