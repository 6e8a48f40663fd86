package io.voidvm.vm;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.vm.config.VmProperties;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class VmPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class)
            .withPropertyValues(
                    "voidvm.vm.default-stop-timeout=60s",
                    "voidvm.vm.max-memory-mb-per-vm=65536",
                    "voidvm.vm.max-cpu-cores-per-vm=32",
                    "voidvm.vm.node-lost-after=30s");

    @Test
    void bindsValidSettings() {
        runner.run(context -> {
            VmProperties properties = context.getBean(VmProperties.class);
            assertThat(properties.defaultStopTimeout()).isEqualTo(Duration.ofMinutes(1));
            assertThat(properties.maxMemoryMbPerVm()).isEqualTo(65536);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "default-stop-timeout=0s    | default-stop-timeout",
            "default-stop-timeout=2h    | default-stop-timeout",
            "default-stop-timeout=soon  | default-stop-timeout",
            "default-stop-timeout=      | default-stop-timeout",
            "max-memory-mb-per-vm=32    | max-memory-mb-per-vm",
            "max-cpu-cores-per-vm=0     | max-cpu-cores-per-vm",
            "node-lost-after=-5s        | node-lost-after"})
    void badSettingFailsNamingTheProperty(String setting, String property) {
        String kebab = "voidvm.vm." + property;
        String camel = "voidvm.vm." + camelCase(property);
        runner.withPropertyValues("voidvm.vm." + setting).run(context ->
                assertThat(context).getFailure().satisfiesAnyOf(
                        failure -> assertThat(failure).hasStackTraceContaining(kebab),
                        failure -> assertThat(failure).hasStackTraceContaining(camel)));
    }

    /** Boot names a property in kebab case when its value is wrong, in camelCase when it is missing. */
    private static String camelCase(String kebab) {
        return Pattern.compile("-([a-z])").matcher(kebab).replaceAll(match -> match.group(1).toUpperCase());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(VmProperties.class)
    static class PropertiesOnly {
    }
}
