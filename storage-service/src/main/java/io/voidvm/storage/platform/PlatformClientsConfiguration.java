package io.voidvm.storage.platform;

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

    @Bean
    ImageCatalog imageCatalog(StorageProperties properties, JsonMapper json) {
        StorageProperties.Clients clients = properties.clients();
        return new HttpImageCatalog(WebClient.create(clients.imageService().toString()),
                new PlatformTokens(clients), json, clients.timeout());
    }

    @Bean
    VmDirectory vmDirectory(StorageProperties properties, JsonMapper json) {
        StorageProperties.Clients clients = properties.clients();
        return new HttpVmDirectory(WebClient.create(clients.vmService().toString()), json, clients.timeout());
    }

    @Bean
    TenantQuota tenantQuota(StorageProperties properties, JsonMapper json) {
        StorageProperties.Clients clients = properties.clients();
        if (!clients.quotaChecks()) {
            return TenantQuota.unlimited();
        }
        return new HttpTenantQuota(WebClient.create(clients.authService().toString()), new PlatformTokens(clients),
                json, clients.timeout());
    }
}
