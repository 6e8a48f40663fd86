package io.voidvm.monitoring.deadletter;

import io.voidvm.monitoring.config.DeadLetterProperties;
import io.voidvm.monitoring.deadletter.app.DeadLetterDepthGauge;
import io.voidvm.servicekit.sweep.PeriodicSweep;
import io.voidvm.servicekit.sweep.Sweeps;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The depth gauge's refresh, on service-kit's periodic sweep like every scheduled job. */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    @Bean
    PeriodicSweep deadLetterDepthSweep(Sweeps sweeps, DeadLetterDepthGauge gauge, DeadLetterProperties properties) {
        return sweeps.every("dead-letter-depth", properties.depthInterval(), gauge::refresh);
    }
}
