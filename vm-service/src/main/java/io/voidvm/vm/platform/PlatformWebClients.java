package io.voidvm.vm.platform;

import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * WebClients through which vm-service calls another service as the platform (ADR 0006): each obtains, caches
 * and renews the {@code voidvm-platform} access token by the client-credentials grant (Spring Security, no
 * token code of our own) and has connect and response time limits.
 */
public final class PlatformWebClients {

    public static final String REGISTRATION_ID = "voidvm-platform";

    private PlatformWebClients() {
    }

    /**
     * @param baseUrl      the called service, e.g. {@code http://127.0.0.1:8082}
     * @param tokenUri     Keycloak's token endpoint
     * @param clientSecret never logged
     */
    public static WebClient create(String baseUrl, String tokenUri, String clientId, String clientSecret,
                                   Duration timeout) {
        ServerOAuth2AuthorizedClientExchangeFilterFunction bearer =
                new ServerOAuth2AuthorizedClientExchangeFilterFunction(platformTokens(tokenUri, clientId,
                        clientSecret));
        bearer.setDefaultClientRegistrationId(REGISTRATION_ID);
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), 2_000))
                .responseTimeout(timeout);
        return WebClient.builder()
                .baseUrl(baseUrl)
                .clientConnector(new ReactorClientHttpConnector(http))
                .filter(bearer)
                .build();
    }

    /** Tokens are kept per registration outside any web request: the service acts as itself, not for a user. */
    private static ReactiveOAuth2AuthorizedClientManager platformTokens(String tokenUri, String clientId,
                                                                        String clientSecret) {
        ClientRegistration platform = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(tokenUri)
                .build();
        var registrations = new InMemoryReactiveClientRegistrationRepository(platform);
        var manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(registrations,
                new InMemoryReactiveOAuth2AuthorizedClientService(registrations));
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials().build());
        return manager;
    }
}
