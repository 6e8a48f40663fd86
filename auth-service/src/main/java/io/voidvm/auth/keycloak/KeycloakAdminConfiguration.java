package io.voidvm.auth.keycloak;

import io.voidvm.auth.config.AuthProperties;
import java.util.concurrent.TimeUnit;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.ClientBuilderWrapper;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Keycloak admin client, logged in with client credentials of the platform service account. It fetches
 * and refreshes its own token, lazily, so auth-service starts (and is ready) before Keycloak is.
 */
@Configuration(proxyBeanMethods = false)
class KeycloakAdminConfiguration {

    @Bean(destroyMethod = "close")
    Keycloak keycloakAdmin(AuthProperties properties) {
        AuthProperties.Keycloak settings = properties.keycloak();
        long timeout = settings.timeout().toMillis();
        // the same JAX-RS client the admin client builds itself, plus timeouts: a hung Keycloak must not pin
        // boundedElastic threads forever
        var http = ClientBuilderWrapper.create(null, false)
                .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS)
                .register(JacksonProvider.class, 100)
                .build();
        return KeycloakBuilder.builder()
                .serverUrl(settings.serverUrl().toString())
                .realm(settings.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .resteasyClient(http)
                .build();
    }

    @Bean
    RealmResource voidvmRealm(Keycloak keycloak, AuthProperties properties) {
        return keycloak.realm(properties.keycloak().realm());
    }
}
