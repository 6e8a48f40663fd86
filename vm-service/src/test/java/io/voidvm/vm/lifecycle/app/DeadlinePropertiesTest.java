package io.voidvm.vm.lifecycle.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.vm.config.DeadlineProperties;
import io.voidvm.vm.operation.domain.OperationDeadlines;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** {@code voidvm.vm.deadlines.*}: defaults, start-up validation, and the stop deadline that includes the guest's. */
class DeadlinePropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(PropertiesOnly.class);

    @Test
    void defaultsAreWellUnderAMinuteAndAGracefulStopWaitsForTheGuestFirst() {
        runner.run(context -> {
            DeadlineProperties deadlines = context.getBean(DeadlineProperties.class);
            assertThat(deadlines.start()).isEqualTo(Duration.ofSeconds(30));
            assertThat(deadlines.define()).isEqualTo(Duration.ofSeconds(30));
            assertThat(deadlines.startFromImage()).isEqualTo(Duration.ofMinutes(6));
            assertThat(deadlines.delete()).isEqualTo(Duration.ofSeconds(60));
            assertThat(deadlines.checkInterval()).isEqualTo(Duration.ofSeconds(5));

            OperationDeadlines bean = DeadlineConfiguration.of(deadlines, Duration.ofSeconds(60));
            assertThat(bean.stop()).as("default-stop-timeout + stop").isEqualTo(Duration.ofSeconds(90));
            assertThat(bean.start()).isEqualTo(deadlines.start());
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "start=0s               | voidvm.vm.deadlines.start",
            "stop=soon              | voidvm.vm.deadlines.stop",
            "start-from-image=25h   | voidvm.vm.deadlines.start-from-image",
            "delete=-1s             | voidvm.vm.deadlines.delete",
            "check-interval=10ms    | voidvm.vm.deadlines.check-interval"})
    void aBadDeadlineStopsStartUpNamingIt(String setting, String property) {
        runner.withPropertyValues("voidvm.vm.deadlines." + setting).run(context ->
                assertThat(context).getFailure().hasStackTraceContaining(property));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DeadlineProperties.class)
    static class PropertiesOnly {
    }
}
