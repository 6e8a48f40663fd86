package io.voidvm.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import io.voidvm.storage.config.StorageProperties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class StoragePropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class)
            .withPropertyValues(
                    "voidvm.storage.pools-root=${java.io.tmpdir}/voidvm-storage-test/pools",
                    "voidvm.storage.default-pool-name=default",
                    "voidvm.storage.max-volume-size-gb=2048");

    @Test
    void bindsValidSettings() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            StorageProperties properties = context.getBean(StorageProperties.class);
            assertThat(properties.poolsRoot()).isEqualTo(
                    Path.of(System.getProperty("java.io.tmpdir"), "voidvm-storage-test", "pools"));
            assertThat(properties.maxVolumeSizeGb()).isEqualTo(2048);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pools-root= | pools-root",
            "pools-root=/dev/null/pools | pools-root",
            "default-pool-name=Default | default-pool-name",
            "max-volume-size-gb=0 | max-volume-size-gb"})
    void badSettingFailsNamingTheProperty(String setting, String property) {
        String kebab = "voidvm.storage." + property;
        String camel = "voidvm.storage." + camelCase(property);
        runner.withPropertyValues("voidvm.storage." + setting).run(context ->
                assertThat(context).getFailure().satisfiesAnyOf(
                        failure -> assertThat(failure).hasStackTraceContaining(kebab),
                        failure -> assertThat(failure).hasStackTraceContaining(camel)));
    }

    /** Boot names a property in kebab case when its value is wrong, in camelCase when it is missing. */
    private static String camelCase(String kebab) {
        return Pattern.compile("-([a-z])").matcher(kebab).replaceAll(match -> match.group(1).toUpperCase());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(StorageProperties.class)
    static class PropertiesOnly {
    }
}
