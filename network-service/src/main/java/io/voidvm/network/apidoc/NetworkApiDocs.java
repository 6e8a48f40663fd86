package io.voidvm.network.apidoc;

import io.voidvm.servicekit.openapi.ApiDescription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** network-service's {@link ApiDescription}: the network API's title and what it holds today (no routes). */
@Configuration(proxyBeanMethods = false)
public class NetworkApiDocs {

    @Bean
    ApiDescription networkApiDescription() {
        return ApiDescription.of("voidVM network API (network-service)", """
                Tenants' virtual networks, the addresses handed out in them and their security rules. \
                This service publishes no routes yet: this document lists none.""");
    }
}
