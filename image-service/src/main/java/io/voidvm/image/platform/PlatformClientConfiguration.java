package io.voidvm.image.platform;

import io.voidvm.image.config.ImageProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One token source for every platform call, so storage-service and auth-service calls share its token. */
@Configuration(proxyBeanMethods = false)
class PlatformClientConfiguration {

    @Bean
    PlatformWebClients platformWebClients(ImageProperties properties) {
        return new PlatformWebClients(properties.platformClient());
    }
}
