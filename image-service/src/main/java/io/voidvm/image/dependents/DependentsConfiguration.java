package io.voidvm.image.dependents;

import io.voidvm.image.catalog.app.ImageDependents;
import io.voidvm.image.config.ImageProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Wires the storage-service client with its own client-credentials token source. The OAuth2 client objects are
 * built here, not exposed as beans, so they cannot change the resource-server security of this service.
 */
@Configuration(proxyBeanMethods = false)
class DependentsConfiguration {

    static final String REGISTRATION = "voidvm-platform";

    @Bean
    @ConditionalOnMissingBean(ImageDependents.class)
    ImageDependents imageDependents(ImageProperties properties) {
        ImageProperties.PlatformClient platform = properties.platformClient();
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .tokenUri(platform.tokenUri().toString())
                .clientId(platform.clientId())
                .clientSecret(platform.clientSecret())
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .build();
        var registrations = new InMemoryReactiveClientRegistrationRepository(registration);
        var manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(registrations,
                new InMemoryReactiveOAuth2AuthorizedClientService(registrations));
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials().build());
        var oauth = new ServerOAuth2AuthorizedClientExchangeFilterFunction(manager);
        oauth.setDefaultClientRegistrationId(REGISTRATION);
        WebClient client = WebClient.builder().baseUrl(properties.storage().url().toString()).filter(oauth).build();
        return new StorageServiceDependents(client, properties.storage().timeout());
    }
}
