package io.voidvm.vm.quota.client;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.netty.channel.ChannelOption;
import io.voidvm.servicekit.problem.domain.QuotaExceededException;
import io.voidvm.vm.config.QuotaClientProperties;
import io.voidvm.vm.quota.app.QuotaGate;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
 * Wires {@link AuthServiceQuotaGate}: a WebClient that obtains, caches and renews the platform's access token
 * through Spring Security's client-credentials support (no token code of our own), with connect and response
 * time limits, behind a Resilience4j circuit breaker.
 */
@Configuration(proxyBeanMethods = false)
class QuotaClientConfiguration {

    static final String REGISTRATION_ID = "voidvm-platform";

    @Bean
    QuotaGate quotaGate(QuotaClientProperties properties) {
        return new AuthServiceQuotaGate(authServiceClient(properties), breaker(), properties.timeout());
    }

    private static WebClient authServiceClient(QuotaClientProperties properties) {
        ReactiveOAuth2AuthorizedClientManager tokens = platformTokens(properties);
        ServerOAuth2AuthorizedClientExchangeFilterFunction bearer =
                new ServerOAuth2AuthorizedClientExchangeFilterFunction(tokens);
        bearer.setDefaultClientRegistrationId(REGISTRATION_ID);
        Duration timeout = properties.timeout();
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), 2_000))
                .responseTimeout(timeout);
        return WebClient.builder()
                .baseUrl(properties.authServiceUrl())
                .clientConnector(new ReactorClientHttpConnector(http))
                .filter(bearer)
                .build();
    }

    /** Tokens are kept per registration outside any web request: the service acts as itself, not for a user. */
    private static ReactiveOAuth2AuthorizedClientManager platformTokens(QuotaClientProperties properties) {
        ClientRegistration platform = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(properties.tokenUri())
                .build();
        var registrations = new InMemoryReactiveClientRegistrationRepository(platform);
        var manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(registrations,
                new InMemoryReactiveOAuth2AuthorizedClientService(registrations));
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials().build());
        return manager;
    }

    /** Opens after half of the last 10 calls failed (at least 5), and probes again after 10 s. */
    private static CircuitBreaker breaker() {
        return CircuitBreaker.of("auth-service", CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                .permittedNumberOfCallsInHalfOpenState(2)
                .ignoreExceptions(QuotaExceededException.class)
                .build());
    }
}
