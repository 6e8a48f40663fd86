package io.voidvm.vm;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.vm.config.PlacementProperties;
import io.voidvm.vm.node.domain.Overcommit;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code voidvm.vm.placement.*}: the shipped defaults, and a bad value stops start-up naming the property. */
class PlacementPropertiesTest {

    private final ApplicationContextRunner shipped = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(PropertiesOnly.class);

    @Test
    void theShippedDefaultsOvercommitVCpusFourTimesAndMemoryNot() {
        shipped.run(context -> {
            PlacementProperties properties = context.getBean(PlacementProperties.class);
            assertThat(properties.overcommit()).isEqualTo(new Overcommit(4.0, 1.0));
            assertThat(properties.nodeCheckInterval()).isEqualTo(Duration.ofSeconds(5));
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cpu-overcommit=0          | cpu-overcommit",
            "cpu-overcommit=65         | cpu-overcommit",
            "cpu-overcommit=many       | cpu-overcommit",
            "memory-overcommit=0.05    | memory-overcommit",
            "memory-overcommit=5       | memory-overcommit",
            "node-check-interval=10ms  | node-check-interval",
            "node-check-interval=1h    | node-check-interval"})
    void badSettingFailsNamingTheProperty(String setting, String property) {
        String kebab = "voidvm.vm.placement." + property;
        String camel = "voidvm.vm.placement." + Pattern.compile("-([a-z])").matcher(property)
                .replaceAll(match -> match.group(1).toUpperCase());
        shipped.withPropertyValues("voidvm.vm.placement." + setting).run(context ->
                assertThat(context).getFailure().satisfiesAnyOf(
                        failure -> assertThat(failure).hasStackTraceContaining(kebab),
                        failure -> assertThat(failure).hasStackTraceContaining(camel)));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PlacementProperties.class)
    static class PropertiesOnly {
    }
}
