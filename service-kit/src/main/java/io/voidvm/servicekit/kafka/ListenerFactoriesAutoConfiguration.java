package io.voidvm.servicekit.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** One {@link ListenerFactories} per service, counting its dead letters in the service's meter registry. */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class})
@ConditionalOnBean({KafkaProperties.class, MeterRegistry.class})
public class ListenerFactoriesAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ListenerFactories listenerFactories(KafkaProperties kafka, MeterRegistry registry) {
        return new ListenerFactories(kafka, registry);
    }
}
