package io.voidvm.storage.platform;

import io.voidvm.servicekit.platform.PlatformClient;
import io.voidvm.storage.config.StorageProperties;
import io.voidvm.storage.volume.app.ImageCatalog;
import io.voidvm.storage.volume.app.TenantQuota;
import io.voidvm.storage.volume.app.VmDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/** The real adapters of the volume feature's outside ports. */
@Configuration(proxyBeanMethods = false)
class PlatformClientsConfiguration {

    /** One token source for every platform call, so image-service and auth-service calls share its token. */
    @Bean
    PlatformClient platformClient(StorageProperties properties) {
        StorageProperties.Clients clients = properties.clients();
        return new PlatformClient(clients.tokenUri().toString(), clients.clientId(), clients.clientSecret());
    }

    @Bean
    ImageCatalog imageCatalog(StorageProperties properties, PlatformClient platform, JsonMapper json) {
        StorageProperties.Clients clients = properties.clients();
        return new HttpImageCatalog(WebClient.create(clients.imageService().toString()), platform, json,
                clients.timeout());
    }

    @Bean
    VmDirectory vmDirectory(StorageProperties properties, JsonMapper json) {
        StorageProperties.Clients clients = properties.clients();
        return new HttpVmDirectory(WebClient.create(clients.vmService().toString()), json, clients.timeout());
    }

    @Bean
    TenantQuota tenantQuota(StorageProperties properties, PlatformClient platform, JsonMapper json) {
        StorageProperties.Clients clients = properties.clients();
        if (!clients.quotaChecks()) {
            return TenantQuota.unlimited();
        }
        return new HttpTenantQuota(WebClient.create(clients.authService().toString()), platform, json,
                clients.timeout());
    }
}
