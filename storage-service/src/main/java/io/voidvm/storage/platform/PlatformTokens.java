package io.voidvm.storage.platform;

import io.voidvm.storage.config.StorageProperties;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import reactor.core.publisher.Mono;

/**
 * Access tokens of the platform client through Spring Security's client-credentials support, cached until shortly
 * before they expire. Built by hand rather than from {@code spring.security.oauth2.client.*}: Boot's OAuth2-client
 * auto-configuration would also add a login filter chain this resource server has no use for.
 */
final class PlatformTokens {

    static final String REGISTRATION = "voidvm-platform";
    private static final String PRINCIPAL = "storage-service";

    private final AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager manager;

    PlatformTokens(StorageProperties.Clients clients) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(clients.clientId())
                .clientSecret(clients.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(clients.tokenUri().toString())
                .build();
        var registrations = new InMemoryReactiveClientRegistrationRepository(registration);
        manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(registrations,
                new InMemoryReactiveOAuth2AuthorizedClientService(registrations));
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials().build());
    }

    Mono<String> token() {
        return manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION).principal(PRINCIPAL)
                        .build())
                .map(client -> client.getAccessToken().getTokenValue());
    }
}
