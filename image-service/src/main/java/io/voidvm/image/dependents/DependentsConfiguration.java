package io.voidvm.image.dependents;

import io.voidvm.image.catalog.app.ImageDependents;
import io.voidvm.image.config.ImageProperties;
import io.voidvm.image.platform.CircuitBreakers;
import io.voidvm.servicekit.platform.PlatformClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the storage-service client, authenticated as the platform, behind the {@code storage-service} breaker. */
@Configuration(proxyBeanMethods = false)
class DependentsConfiguration {

    @Bean
    @ConditionalOnMissingBean(ImageDependents.class)
    ImageDependents imageDependents(ImageProperties properties, PlatformClient platform) {
        ImageProperties.Storage storage = properties.storage();
        return new StorageServiceDependents(platform.webClient(storage.url().toString()),
                CircuitBreakers.of("storage-service", storage.breaker(), StorageServiceDependents::isAnswer),
                storage.timeout());
    }
}
