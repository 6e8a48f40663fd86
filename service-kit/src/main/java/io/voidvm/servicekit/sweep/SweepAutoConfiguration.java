package io.voidvm.servicekit.sweep;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** {@link Sweeps} with the service's meter registry and clock (the system clock when it declares none). */
@AutoConfiguration
public class SweepAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Sweeps sweeps(ObjectProvider<MeterRegistry> meters, ObjectProvider<Clock> clock) {
        return new Sweeps(meters.getIfAvailable(SimpleMeterRegistry::new), clock.getIfAvailable(Clock::systemUTC));
    }
}
