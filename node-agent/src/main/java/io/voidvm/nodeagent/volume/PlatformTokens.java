package io.voidvm.nodeagent.volume;

import java.net.URI;
import java.util.Objects;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The platform's identity (Keycloak client {@code voidvm-platform}, client-credentials grant) through Spring
 * Security's OAuth2 client: it fetches a token, keeps it, and fetches a new one shortly before it expires.
 */
public final class PlatformTokens implements AccessTokens {

    private static final String REGISTRATION = "voidvm-platform";
    private static final String PRINCIPAL = "node-agent";

    private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;

    public PlatformTokens(URI tokenUrl, String clientId, String clientSecret) {
        Objects.requireNonNull(tokenUrl, "tokenUrl");
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(tokenUrl.toString())
                .build();
        var registrations = new InMemoryClientRegistrationRepository(registration);
        manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations,
                new InMemoryOAuth2AuthorizedClientService(registrations));
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
    }

    @Override
    public String token() {
        OAuth2AuthorizedClient client = manager.authorize(
                OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION).principal(PRINCIPAL).build());
        if (client == null) {
            throw new IllegalStateException("no token for client " + REGISTRATION);
        }
        return client.getAccessToken().getTokenValue();
    }
}
