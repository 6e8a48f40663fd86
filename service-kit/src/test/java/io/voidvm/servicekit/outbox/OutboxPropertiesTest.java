package io.voidvm.servicekit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class OutboxPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(OutboxProperties.class)
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class);

    @Test
    void defaultsAreUsable() {
        runner.run(context -> {
            OutboxProperties properties = context.getBean(OutboxProperties.class);
            assertThat(properties.batchSize()).isEqualTo(200);
            assertThat(properties.relayEnabled()).isTrue();
            assertThat(properties.deliveryTimeout()).isEqualTo(Duration.ofMinutes(2));
            assertThat(properties.backoff().initial()).isEqualTo(Duration.ofSeconds(1));
        });
    }

    @Test
    void badSettingsFailStartUpNamingTheProperty() {
        runner.withPropertyValues("voidvm.outbox.batch-size=0").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("batchSize"));
        runner.withPropertyValues("voidvm.outbox.backoff.initial=10s", "voidvm.outbox.backoff.max=1s").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("initial <= max"));
    }

    @Test
    void backoffDoublesAndIsCapped() {
        var backoff = new OutboxProperties.Backoff(Duration.ofMillis(500), Duration.ofSeconds(5));
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.delayAfter(1_000)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void producerIsForcedToOrderedIdempotentDelivery() {
        var properties = new OutboxProperties(true, 100, Duration.ofSeconds(1), true,
                new OutboxProperties.Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1)), Duration.ofMinutes(2),
                Duration.ofMillis(5), Duration.ofDays(7), Duration.ofMinutes(10));
        var config = KafkaOutboxSender.producerProperties(java.util.Map.of("acks", "1", "enable.idempotence", false,
                "transactional.id", "tx", "client.id", "vm-service"), properties);
        assertThat(config).containsEntry("acks", "all").containsEntry("enable.idempotence", true)
                .containsEntry("max.in.flight.requests.per.connection", 5)
                .containsEntry("delivery.timeout.ms", 120_000).containsEntry("linger.ms", 5)
                .containsEntry("client.id", "vm-service-outbox").doesNotContainKey("transactional.id");
    }
}
