package io.voidvm.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import io.voidvm.monitoring.config.DeadLetterProperties;
import io.voidvm.monitoring.config.MonitoringProperties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class MonitoringPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class)
            .withPropertyValues(
                    "voidvm.monitoring.raw-retention=7d",
                    "voidvm.monitoring.rollup-interval=1m",
                    "voidvm.monitoring.rollup-retention=400d",
                    "voidvm.monitoring.dead-letters.max-value-bytes=65536",
                    "voidvm.monitoring.dead-letters.max-replay-records=100",
                    "voidvm.monitoring.dead-letters.depth-interval=30s",
                    "voidvm.monitoring.dead-letters.kafka-timeout=10s");

    @Test
    void bindsValidSettings() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            MonitoringProperties properties = context.getBean(MonitoringProperties.class);
            assertThat(properties.rawRetention()).isEqualTo(Duration.ofDays(7));
            assertThat(properties.rollupInterval()).isEqualTo(Duration.ofMinutes(1));
            DeadLetterProperties deadLetters = context.getBean(DeadLetterProperties.class);
            assertThat(deadLetters.maxValueBytes()).isEqualTo(65536);
            assertThat(deadLetters.depthInterval()).isEqualTo(Duration.ofSeconds(30));
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "raw-retention= | raw-retention",
            "raw-retention=10m | raw-retention",
            "raw-retention=forever | raw-retention",
            "rollup-interval=1s | rollup-interval",
            "rollup-retention=3d | rollup-retention",
            "dead-letters.max-value-bytes=100 | dead-letters.max-value-bytes",
            "dead-letters.max-value-bytes=lots | dead-letters.max-value-bytes",
            "dead-letters.max-replay-records=0 | dead-letters.max-replay-records",
            "dead-letters.max-replay-records=5000 | dead-letters.max-replay-records",
            "dead-letters.depth-interval=1s | dead-letters.depth-interval",
            "dead-letters.kafka-timeout=1h | dead-letters.kafka-timeout",
            "dead-letters.kafka-timeout= | dead-letters.kafka-timeout"})
    void badSettingFailsNamingTheProperty(String setting, String property) {
        String kebab = "voidvm.monitoring." + property;
        String camel = "voidvm.monitoring." + camelCase(property);
        runner.withPropertyValues("voidvm.monitoring." + setting).run(context ->
                assertThat(context).getFailure().satisfiesAnyOf(
                        failure -> assertThat(failure).hasStackTraceContaining(kebab),
                        failure -> assertThat(failure).hasStackTraceContaining(camel)));
    }

    /**
     * Boot names a property in kebab case when its value is wrong, in camelCase when it is missing (the last
     * segment: {@code dead-letters.kafka-timeout} becomes {@code dead-letters.kafkaTimeout}).
     */
    private static String camelCase(String kebab) {
        int last = kebab.lastIndexOf('.') + 1;
        return kebab.substring(0, last) + Pattern.compile("-([a-z])").matcher(kebab.substring(last))
                .replaceAll(match -> match.group(1).toUpperCase());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({MonitoringProperties.class, DeadLetterProperties.class})
    static class PropertiesOnly {
    }
}
