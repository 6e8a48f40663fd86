package io.voidvm.auth.tokens.app;

import io.voidvm.auth.config.AuthProperties;
import io.voidvm.servicekit.sweep.PeriodicSweep;
import io.voidvm.servicekit.sweep.Sweeps;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the expiry sweep (a service-kit {@link PeriodicSweep}). Keycloak already refuses an expired token's
 * secret (the client's secret expiration attribute, set at creation), so the sweep is the backstop and the
 * housekeeping: it deletes the client, which also covers a client whose attribute an admin update in Keycloak has
 * dropped, and records the expiry.
 */
@Configuration(proxyBeanMethods = false)
class TokenSweepConfiguration {

    @Bean
    PeriodicSweep apiTokenSweep(Sweeps sweeps, ApiTokenService service, AuthProperties properties) {
        return sweeps.every("api-token-expiry", properties.apiTokens().sweepInterval(), service::sweepExpired);
    }
}
