package io.voidvm.servicekit.platform;

import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.Objects;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * How a service calls another one as the platform (ADR 0006): the {@code voidvm-platform} access token by the
 * client-credentials grant, obtained, cached and renewed by Spring Security (no token code of our own). One
 * instance per service shares its token among all its clients. The OAuth2 client objects are built here, not
 * exposed as beans, so Boot's OAuth2-client auto-configuration (a login filter chain) never switches on in a
 * resource server. Needs {@code spring-security-oauth2-client} on the service's class path.
 */
public final class PlatformClient {

    public static final String REGISTRATION_ID = "voidvm-platform";
    private static final String PRINCIPAL = "voidvm-platform";
    private static final int MAX_CONNECT_MILLIS = 2_000;

    private final AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager tokens;
    private final ServerOAuth2AuthorizedClientExchangeFilterFunction bearer;

    /**
     * @param tokenUri     Keycloak's token endpoint
     * @param clientSecret never logged
     */
    public PlatformClient(String tokenUri, String clientId, String clientSecret) {
        ClientRegistration platform = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(Objects.requireNonNull(clientId, "clientId"))
                .clientSecret(Objects.requireNonNull(clientSecret, "clientSecret"))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(Objects.requireNonNull(tokenUri, "tokenUri"))
                .build();
        var registrations = new InMemoryReactiveClientRegistrationRepository(platform);
        tokens = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(registrations,
                new InMemoryReactiveOAuth2AuthorizedClientService(registrations));
        tokens.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials().build());
        bearer = new ServerOAuth2AuthorizedClientExchangeFilterFunction(tokens);
        bearer.setDefaultClientRegistrationId(REGISTRATION_ID);
    }

    /** The current platform access token, for a caller that sets the header itself. */
    public Mono<String> token() {
        return tokens.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION_ID).principal(PRINCIPAL)
                        .build())
                .map(client -> client.getAccessToken().getTokenValue());
    }

    /** A client of the service at {@code baseUrl} whose every request carries the platform token. */
    public WebClient webClient(String baseUrl) {
        return WebClient.builder().baseUrl(baseUrl).filter(bearer).build();
    }

    /** The same, with a connect time limit (at most 2 s) and a response time limit of {@code timeout}. */
    public WebClient webClient(String baseUrl, Duration timeout) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), MAX_CONNECT_MILLIS))
                .responseTimeout(timeout);
        return WebClient.builder()
                .baseUrl(baseUrl)
                .clientConnector(new ReactorClientHttpConnector(http))
                .filter(bearer)
                .build();
    }
}
