package io.voidvm.gateway.security;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;

/**
 * The backend-for-frontend half of ADR 0002: the gateway logs browsers in with the authorization-code flow
 * plus PKCE (S256) as the confidential client {@code voidvm-gateway}, and keeps the access and refresh tokens
 * in the web session, never in the browser.
 */
@Configuration(proxyBeanMethods = false)
public class KeycloakLoginConfiguration {

    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(LoginProperties login) {
        ClientRegistration keycloak = ClientRegistration.withRegistrationId(login.registrationId())
                .clientId(login.clientId())
                .clientSecret(login.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .issuerUri(login.issuerUri().toString())
                .authorizationUri(login.endpoint("auth"))
                .tokenUri(login.endpoint("token"))
                .jwkSetUri(login.endpoint("certs"))
                .userInfoUri(login.endpoint("userinfo"))
                // the subject, as for bearer tokens: one rate-limit bucket per person whichever way they come
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", login.endpoint("logout")))
                .clientName("Keycloak")
                .build();
        return new InMemoryReactiveClientRegistrationRepository(keycloak);
    }

    /**
     * Tokens live in the WebSession, which is in memory for one local gateway. With several replicas on
     * Kubernetes, adding Spring Session Data Redis ({@code @EnableRedisWebSession}) moves every session, and
     * with it these tokens and the saved authorization requests, to Redis without a change here.
     */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** What the {@code TokenRelay} filter asks for the session's access token; refreshes it when expired. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
                                                                  ServerOAuth2AuthorizedClientRepository clients) {
        DefaultReactiveOAuth2AuthorizedClientManager manager =
                new DefaultReactiveOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return manager;
    }

    /** PKCE for a confidential client is not Spring's default; the realm requires S256. */
    @Bean
    ServerOAuth2AuthorizationRequestResolver pkceAuthorizationRequests(
            ReactiveClientRegistrationRepository registrations) {
        DefaultServerOAuth2AuthorizationRequestResolver resolver =
                new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return resolver;
    }

    /** Logging out of the gateway ends the Keycloak session too, then returns to the SPA. */
    @Bean
    ServerLogoutSuccessHandler keycloakLogout(ReactiveClientRegistrationRepository registrations) {
        OidcClientInitiatedServerLogoutSuccessHandler handler =
                new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}/");
        return handler;
    }
}
