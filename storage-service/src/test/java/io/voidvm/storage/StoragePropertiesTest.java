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
                    "voidvm.storage.max-volume-size-gb=2048",
                    "voidvm.storage.default-pool.name=default",
                    "voidvm.storage.default-pool.path=default",
                    "voidvm.storage.default-pool.node-name=local",
                    "voidvm.storage.default-pool.capacity-gb=100",
                    "voidvm.storage.clients.image-service=http://127.0.0.1:8083",
                    "voidvm.storage.clients.vm-service=http://127.0.0.1:8081",
                    "voidvm.storage.clients.auth-service=http://127.0.0.1:8082",
                    "voidvm.storage.clients.token-uri=http://127.0.0.1:18080/token",
                    "voidvm.storage.clients.client-id=voidvm-platform",
                    "voidvm.storage.clients.client-secret=secret");

    @Test
    void bindsValidSettings() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            StorageProperties properties = context.getBean(StorageProperties.class);
            assertThat(properties.poolsRoot()).isEqualTo(
                    Path.of(System.getProperty("java.io.tmpdir"), "voidvm-storage-test", "pools"));
            assertThat(properties.maxVolumeSizeGb()).isEqualTo(2048);
            assertThat(properties.defaultPool().overcommitRatio()).isEqualByComparingTo("1.0");
            assertThat(properties.clients().timeout()).hasSeconds(5);
            assertThat(properties.clients().quotaChecks()).isTrue();
            assertThat(properties.pending().resendAfter()).hasMinutes(2);
            assertThat(properties.pending().maxAttempts()).isEqualTo(5);
            assertThat(properties.pending().checkInterval()).hasSeconds(15);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pools-root= | pools-root",
            "pools-root=/dev/null/pools | pools-root",
            "default-pool.name=Default | default-pool.name",
            "default-pool.node-name=Local_Node | default-pool.node-name",
            "default-pool.path=../etc | default-pool.path",
            "default-pool.overcommit-ratio=0.5 | default-pool.overcommit-ratio",
            "clients.client-secret= | clients.client-secret",
            "max-volume-size-gb=0 | max-volume-size-gb",
            "pending.resend-after=0s | pending.resend-after",
            "pending.max-attempts=0 | pending.max-attempts",
            "pending.check-interval=1ms | pending.check-interval"})
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
