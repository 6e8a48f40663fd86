package io.voidvm.auth.tokens.app;

import io.voidvm.auth.config.AuthProperties;
import io.voidvm.auth.config.PeriodicTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the expiry sweep. Keycloak already refuses an expired token's secret (the client's secret expiration
 * attribute, set at creation), so the sweep is the backstop and the housekeeping: it deletes the client, which
 * also covers a client whose attribute an admin update in Keycloak has dropped, and records the expiry.
 */
@Configuration(proxyBeanMethods = false)
class TokenSweepConfiguration {

    @Bean
    PeriodicTask apiTokenSweep(ApiTokenService service, AuthProperties properties) {
        return new PeriodicTask("API token expiry sweep", properties.apiTokens().sweepInterval(),
                service::sweepExpired);
    }
}
