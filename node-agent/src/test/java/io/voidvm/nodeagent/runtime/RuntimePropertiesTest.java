package io.voidvm.nodeagent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class RuntimePropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class);

    @Test
    void defaultsBoundTheQueues() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            RuntimeProperties runtime = context.getBean(RuntimeProperties.class);
            assertThat(runtime.taskQueueCapacity()).isEqualTo(64);
            assertThat(runtime.qmpEventBuffer()).isEqualTo(256);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "task-queue-capacity=3        | task-queue-capacity",
            "task-queue-capacity=100000   | task-queue-capacity",
            "qmp-event-buffer=8           | qmp-event-buffer",
            "qmp-event-buffer=lots        | qmp-event-buffer",
            "max-restarts=-1              | max-restarts"})
    void badSettingFailsNamingTheProperty(String setting, String property) {
        runner.withPropertyValues("voidvm.nodeagent.runtime." + setting).run(context ->
                assertThat(context).getFailure().hasStackTraceContaining(property));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RuntimeProperties.class)
    static class PropertiesOnly {
    }
}
