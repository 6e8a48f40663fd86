package io.voidvm.servicekit.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import io.voidvm.contracts.codec.MessageCodec;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox writer wherever an R2DBC connection factory exists, and the relay too when Kafka is configured
 * (disable it with {@code voidvm.outbox.relay-enabled=false}).
 */
@AutoConfiguration(after = {R2dbcAutoConfiguration.class, KafkaAutoConfiguration.class, JacksonAutoConfiguration.class})
@ConditionalOnClass({DatabaseClient.class, ConnectionFactory.class})
@ConditionalOnBean(ConnectionFactory.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MessageCodec messageCodec() {
        return new MessageCodec();
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxWriter outboxWriter(ConnectionFactory connectionFactory, MessageCodec codec, JsonMapper json,
                              OutboxProperties properties) {
        return new OutboxWriter(DatabaseClient.create(connectionFactory), codec, json, properties.listen());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(KafkaProperties.class)
    @ConditionalOnProperty(prefix = "voidvm.outbox", name = "relay-enabled", matchIfMissing = true)
    static class RelayConfiguration {

        @Bean
        @ConditionalOnMissingBean
        OutboxRelay outboxRelay(ConnectionFactory connectionFactory, KafkaProperties kafka, OutboxProperties properties,
                                JsonMapper json, ObjectProvider<MeterRegistry> registry,
                                ObjectProvider<Clock> clock) {
            OutboxStore store = new OutboxStore(DatabaseClient.create(connectionFactory), json);
            TransactionalOperator transactions =
                    TransactionalOperator.create(new R2dbcTransactionManager(connectionFactory));
            KafkaOutboxSender sender = new KafkaOutboxSender(kafka.buildProducerProperties(), properties);
            OutboxMetrics metrics = new OutboxMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
            return new OutboxRelay("outbox-relay", store, transactions, sender, properties, metrics,
                    clock.getIfAvailable(Clock::systemUTC));
        }

        @Bean
        @ConditionalOnProperty(prefix = "voidvm.outbox", name = "listen", matchIfMissing = true)
        OutboxNotificationListener outboxNotificationListener(ConnectionFactory connectionFactory, OutboxRelay relay) {
            return new OutboxNotificationListener(connectionFactory, relay::wakeUp);
        }
    }
}
