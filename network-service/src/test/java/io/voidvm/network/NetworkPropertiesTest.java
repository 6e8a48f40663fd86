package io.voidvm.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.network.config.NetworkProperties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class NetworkPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class)
            .withPropertyValues(
                    "voidvm.network.default-cidr=10.10.0.0/24",
                    "voidvm.network.mac-prefix=52:54:00",
                    "voidvm.network.max-networks-per-tenant=50");

    @Test
    void bindsValidSettings() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            NetworkProperties properties = context.getBean(NetworkProperties.class);
            assertThat(properties.defaultNetwork().size()).isEqualTo(256);
            assertThat(properties.macPrefix()).isEqualTo("52:54:00");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "default-cidr=10.10.0.1/24 | default-cidr",
            "default-cidr=10.10.0.0 | default-cidr",
            "default-cidr= | default-cidr",
            "mac-prefix=53:54:00 | mac-prefix",
            "mac-prefix=52-54-00 | mac-prefix",
            "max-networks-per-tenant=0 | max-networks-per-tenant"})
    void badSettingFailsNamingTheProperty(String setting, String property) {
        String kebab = "voidvm.network." + property;
        String camel = "voidvm.network." + camelCase(property);
        runner.withPropertyValues("voidvm.network." + setting).run(context ->
                assertThat(context).getFailure().satisfiesAnyOf(
                        failure -> assertThat(failure).hasStackTraceContaining(kebab),
                        failure -> assertThat(failure).hasStackTraceContaining(camel)));
    }

    @Test
    void badCidrSaysWhatIsWrong() {
        runner.withPropertyValues("voidvm.network.default-cidr=10.10.0.1/24").run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("the network address is 10.10.0.0"));
    }

    /** Boot names a property in kebab case when its value is wrong, in camelCase when it is missing. */
    private static String camelCase(String kebab) {
        return Pattern.compile("-([a-z])").matcher(kebab).replaceAll(match -> match.group(1).toUpperCase());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(NetworkProperties.class)
    static class PropertiesOnly {
    }
}
