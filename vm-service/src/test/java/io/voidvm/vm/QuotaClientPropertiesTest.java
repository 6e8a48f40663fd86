package io.voidvm.vm;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.vm.config.QuotaClientProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class QuotaClientPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class)
            .withPropertyValues(
                    "voidvm.vm.quota.auth-service-url=http://127.0.0.1:8082",
                    "voidvm.vm.quota.token-uri=http://127.0.0.1:18080/realms/voidvm/protocol/openid-connect/token",
                    "voidvm.vm.quota.client-id=voidvm-platform",
                    "voidvm.vm.quota.client-secret=s3cret",
                    "voidvm.vm.quota.timeout=3s");

    @Test
    void bindsValidSettingsAndNeverShowsTheSecret() {
        runner.run(context -> {
            QuotaClientProperties properties = context.getBean(QuotaClientProperties.class);
            assertThat(properties.authServiceUrl()).isEqualTo("http://127.0.0.1:8082");
            assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(properties.toString()).doesNotContain("s3cret").contains("clientSecret=***");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "auth-service-url=ftp://auth  | auth-service-url",
            "auth-service-url=            | auth-service-url",
            "token-uri=not a url          | token-uri",
            "client-id=                   | client-id",
            "client-secret=               | client-secret",
            "timeout=0s                   | timeout",
            "timeout=5m                   | timeout"})
    void badSettingFailsNamingTheProperty(String setting, String property) {
        runner.withPropertyValues("voidvm.vm.quota." + setting).run(context ->
                assertThat(context).getFailure().satisfiesAnyOf(
                        failure -> assertThat(failure).hasStackTraceContaining("voidvm.vm.quota." + property),
                        failure -> assertThat(failure).hasStackTraceContaining("voidvm.vm.quota."
                                + property.replace("-u", "U").replace("-i", "I").replace("-s", "S"))));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(QuotaClientProperties.class)
    static class PropertiesOnly {
    }
}
