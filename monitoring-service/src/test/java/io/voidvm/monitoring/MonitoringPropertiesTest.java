package io.voidvm.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
                    "voidvm.monitoring.rollup-retention=400d");

    @Test
    void bindsValidSettings() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            MonitoringProperties properties = context.getBean(MonitoringProperties.class);
            assertThat(properties.rawRetention()).isEqualTo(Duration.ofDays(7));
            assertThat(properties.rollupInterval()).isEqualTo(Duration.ofMinutes(1));
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "raw-retention= | raw-retention",
            "raw-retention=10m | raw-retention",
            "raw-retention=forever | raw-retention",
            "rollup-interval=1s | rollup-interval",
            "rollup-retention=3d | rollup-retention"})
    void badSettingFailsNamingTheProperty(String setting, String property) {
        String kebab = "voidvm.monitoring." + property;
        String camel = "voidvm.monitoring." + camelCase(property);
        runner.withPropertyValues("voidvm.monitoring." + setting).run(context ->
                assertThat(context).getFailure().satisfiesAnyOf(
                        failure -> assertThat(failure).hasStackTraceContaining(kebab),
                        failure -> assertThat(failure).hasStackTraceContaining(camel)));
    }

    /** Boot names a property in kebab case when its value is wrong, in camelCase when it is missing. */
    private static String camelCase(String kebab) {
        return Pattern.compile("-([a-z])").matcher(kebab).replaceAll(match -> match.group(1).toUpperCase());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MonitoringProperties.class)
    static class PropertiesOnly {
    }
}
