package io.voidvm.auth.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.auth.it.AbstractAuthIT;
import io.voidvm.auth.tokens.app.ApiClientRegistry;
import io.voidvm.auth.tokens.app.ApiClientSpec;
import io.voidvm.auth.tokens.domain.ApiToken;
import io.voidvm.testsupport.keycloak.KeycloakTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Keycloak side of API tokens, below the HTTP API: the secret's expiry is Keycloak's to enforce. */
class KeycloakApiClientsIT extends AbstractAuthIT {

    private static final String SECRET = "an-it-secret-that-is-long-enough-0123456789";

    @Autowired
    ApiClientRegistry clients;

    @Test
    void aClientWhoseExpiryHasPassedCannotMintTokensEvenBeforeTheSweep() {
        ApiClientSpec expired = spec(Instant.now().minus(Duration.ofMinutes(1)));
        String internalId = clients.register(expired).block();

        assertThatThrownBy(() -> tokens().clientCredentials(expired.clientId(), SECRET))
                .isInstanceOfSatisfying(KeycloakTokens.TokenRequestFailed.class,
                        failed -> assertThat(failed.error()).isEqualTo("unauthorized_client"));
        clients.remove(internalId).block();
    }

    @Test
    void removingIsIdempotent() {
        ApiClientSpec live = spec(Instant.now().plus(Duration.ofHours(1)));
        String internalId = clients.register(live).block();
        assertThat(tokens().clientCredentials(live.clientId(), SECRET)).isNotBlank();

        clients.remove(internalId).block();
        clients.remove(internalId).block();
        assertThat(realm().clients().findByClientId(live.clientId())).isEmpty();
    }

    private static ApiClientSpec spec(Instant expiresAt) {
        UUID id = UUID.randomUUID();
        return new ApiClientSpec(id, ApiToken.clientIdFor(id), SECRET, "acme", "it-owner", "it", expiresAt);
    }
}
