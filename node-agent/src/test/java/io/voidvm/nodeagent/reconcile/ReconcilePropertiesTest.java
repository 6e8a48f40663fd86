package io.voidvm.nodeagent.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class ReconcilePropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class);

    @Test
    void defaultsResyncEveryThirtySecondsWithJitterFromTheLocalVmService() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            ReconcileProperties properties = context.getBean(ReconcileProperties.class);
            assertThat(properties.interval()).isEqualTo(Duration.ofSeconds(30));
            assertThat(properties.jitter()).isEqualTo(0.2);
            assertThat(properties.vmServiceUrl()).isEqualTo(URI.create("http://127.0.0.1:8081"));
            assertThat(properties.fetchTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(properties.commandGrace()).isEqualTo(Duration.ofSeconds(5));
            assertThat(properties.strayGracePeriod()).isEqualTo(Duration.ofMinutes(5));
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "interval=0s                 | interval",
            "jitter=0.9                  | jitter",
            "jitter=-0.1                 | jitter",
            "vm-service-url=ftp://host/  | vm-service-url",
            "fetch-timeout=10h           | fetch-timeout",
            "command-grace=-1s           | command-grace",
            "stray-grace-period=0s       | stray-grace-period",
            "stray-grace-period=later    | stray-grace-period"})
    void badSettingFailsNamingTheProperty(String setting, String property) {
        runner.withPropertyValues("voidvm.nodeagent.reconcile." + setting).run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("voidvm.nodeagent.reconcile." + property));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ReconcileProperties.class)
    static class PropertiesOnly {
    }
}
