package io.voidvm.image.quota;

import io.voidvm.image.catalog.app.TenantQuota;
import io.voidvm.image.config.ImageProperties;
import io.voidvm.image.platform.CircuitBreakers;
import io.voidvm.servicekit.platform.PlatformClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the auth-service quota client behind the {@code auth-service} circuit breaker, or no quota at all when
 * {@code voidvm.image.quota.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
class QuotaConfiguration {

    @Bean
    @ConditionalOnMissingBean(TenantQuota.class)
    TenantQuota tenantQuota(ImageProperties properties, PlatformClient platform) {
        ImageProperties.Quota quota = properties.quota();
        if (!quota.enabled()) {
            return TenantQuota.unlimited();
        }
        return new AuthServiceTenantQuota(platform.webClient(quota.url().toString()),
                CircuitBreakers.of("auth-service", quota.breaker(), AuthServiceTenantQuota::isAnswer), quota.timeout());
    }
}
