package io.voidvm.image.platform;

import io.voidvm.image.config.ImageProperties;
import io.voidvm.servicekit.platform.PlatformClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One token source for every platform call, so storage-service and auth-service calls share its token. */
@Configuration(proxyBeanMethods = false)
class PlatformClientConfiguration {

    @Bean
    PlatformClient platformClient(ImageProperties properties) {
        ImageProperties.PlatformClient platform = properties.platformClient();
        return new PlatformClient(platform.tokenUri().toString(), platform.clientId(), platform.clientSecret());
    }
}
