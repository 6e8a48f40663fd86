package io.voidvm.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.auth.config.AuthProperties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class AuthPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class)
            .withPropertyValues(
                    "voidvm.auth.default-quotas.vms=10",
                    "voidvm.auth.default-quotas.vcpus=20",
                    "voidvm.auth.default-quotas.memory-mb=32768",
                    "voidvm.auth.default-quotas.disk-gb=500",
                    "voidvm.auth.default-quotas.images=0",
                    "voidvm.auth.default-quotas.image-gb=200",
                    "voidvm.auth.max-members-per-tenant=100",
                    "voidvm.auth.keycloak.server-url=http://127.0.0.1:18080",
                    "voidvm.auth.keycloak.realm=voidvm",
                    "voidvm.auth.keycloak.client-id=voidvm-platform",
                    "voidvm.auth.keycloak.client-secret=s3cret",
                    "voidvm.auth.keycloak.timeout=10s",
                    "voidvm.auth.tenants.reconcile-interval=1m",
                    "voidvm.auth.api-tokens.default-lifetime=90d",
                    "voidvm.auth.api-tokens.max-lifetime=365d",
                    "voidvm.auth.api-tokens.sweep-interval=1m",
                    "voidvm.auth.api-tokens.max-per-user=20",
                    "voidvm.auth.audit.keycloak-events-enabled=true",
                    "voidvm.auth.audit.keycloak-events-poll=30s");

    @Test
    void bindsValidSettings() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            AuthProperties properties = context.getBean(AuthProperties.class);
            assertThat(properties.defaultQuotas().memoryMb()).isEqualTo(32768L);
            assertThat(properties.defaultQuotas().images()).isZero();
            assertThat(properties.defaultQuotas().imageGb()).isEqualTo(200L);
            assertThat(properties.maxMembersPerTenant()).isEqualTo(100);
            assertThat(properties.apiTokens().maxLifetime()).hasDays(365);
            assertThat(properties.tenants().reconcileInterval()).hasMinutes(1);
            assertThat(properties.keycloak().toString()).doesNotContain("s3cret");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "default-quotas.vms=-1 | default-quotas.vms",
            "default-quotas.vcpus= | default-quotas.vcpus",
            "default-quotas.memory-mb=lots | default-quotas.memory-mb",
            "max-members-per-tenant=0 | max-members-per-tenant",
            "keycloak.realm= | keycloak.realm",
            "keycloak.server-url=not a url | keycloak.server-url",
            "api-tokens.default-lifetime=400d | api-tokens",
            "tenants.reconcile-interval=0s | tenants.reconcile-interval",
            "tenants.reconcile-interval= | tenants",
            "audit.keycloak-events-poll=0s | audit.keycloak-events-poll"})
    void badSettingFailsNamingTheProperty(String setting, String property) {
        String kebab = "voidvm.auth." + property;
        String camel = "voidvm.auth." + camelCase(property);
        runner.withPropertyValues("voidvm.auth." + setting).run(context ->
                assertThat(context).getFailure().satisfiesAnyOf(
                        failure -> assertThat(failure).hasStackTraceContaining(kebab),
                        failure -> assertThat(failure).hasStackTraceContaining(camel)));
    }

    /** Boot names a property in kebab case when its value is wrong, in camelCase when it is missing. */
    private static String camelCase(String kebab) {
        return Pattern.compile("-([a-z])").matcher(kebab).replaceAll(match -> match.group(1).toUpperCase());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AuthProperties.class)
    static class PropertiesOnly {
    }
}
