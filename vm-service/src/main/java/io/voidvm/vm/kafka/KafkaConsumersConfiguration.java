package io.voidvm.vm.kafka;

import io.voidvm.servicekit.kafka.ListenerFactories;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KafkaConsumersConfiguration {

    @Bean
    ListenerFactories listenerFactories(KafkaProperties kafka) {
        return new ListenerFactories(kafka);
    }
}
