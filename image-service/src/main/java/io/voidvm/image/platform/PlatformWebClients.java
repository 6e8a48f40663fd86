package io.voidvm.image.platform;

import io.voidvm.image.config.ImageProperties;
import java.net.URI;
import java.util.Objects;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * WebClients that call other services as the platform: each request carries a client-credentials token of
 * {@code voidvm.image.platform-client.*}, cached until shortly before it expires. The OAuth2 client objects are
 * built here, not exposed as beans, so they cannot change the resource-server security of this service.
 */
public final class PlatformWebClients {

    static final String REGISTRATION = "voidvm-platform";

    private final ServerOAuth2AuthorizedClientExchangeFilterFunction oauth;

    public PlatformWebClients(ImageProperties.PlatformClient platform) {
        Objects.requireNonNull(platform, "platform");
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
        oauth = new ServerOAuth2AuthorizedClientExchangeFilterFunction(manager);
        oauth.setDefaultClientRegistrationId(REGISTRATION);
    }

    /** A client of the service at {@code baseUrl}, authenticated as the platform. */
    public WebClient to(URI baseUrl) {
        return WebClient.builder().baseUrl(baseUrl.toString()).filter(oauth).build();
    }
}
